namespace Remandzana.Domain.Moderation;

/// <summary>
/// Remembers, for a while, who sent which text (by <see cref="EchoKey"/>) into which room, and
/// tells whether one more copy is advertising: its origin sent it into more than
/// <see cref="EchoLimits.Rooms"/> rooms within the window (<see cref="Echo.Repeated"/>), or many
/// origins send it into many rooms within a minute (<see cref="Echo.Swarm"/>, which then holds
/// for those origins, the swarm's members, for <see cref="EchoLimits.SwarmBlock"/>). Someone who
/// was not among them is judged by their own copies only: five origins cannot silence a sixth.
/// Copies seen elsewhere (<see cref="Record"/>) count like copies judged here.
/// Not thread-safe: its owner calls it one at a time.
/// </summary>
public sealed class TextEchoes(EchoLimits limits, TimeProvider time)
{
    private readonly Dictionary<ulong, Copies> _texts = [];
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>Texts remembered now.</summary>
    public int Count => _texts.Count;

    public EchoLimits Limits => limits;

    /// <summary>Records one copy of <paramref name="text"/> (unless it is too short to count), and judges it.</summary>
    public Echo ObserveText(string origin, string room, string text) =>
        TextCopy.Of(origin, room, text, limits.MinLength) is { } copy ? Observe(copy) : Echo.None;

    /// <summary>Records one copy of a text, and judges it.</summary>
    public Echo Observe(TextCopy copy)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        if (!_texts.TryGetValue(copy.Text, out var copies))
        {
            if (_texts.Count >= limits.MaxTexts)
            {
                return Echo.None;
            }

            copies = new Copies();
            _texts[copy.Text] = copies;
        }

        return copies.Add(copy.Origin, copy.Room, now, limits);
    }

    /// <summary>Records a copy judged elsewhere (on another instance), so that it counts here too.</summary>
    public void Record(TextCopy copy) => Observe(copy);

    /// <summary>Forgets, now and then, the texts nobody sent lately.</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + limits.Memory / 4;
        foreach (var (key, copies) in _texts)
        {
            if (copies.IsForgotten(now, limits))
            {
                _texts.Remove(key);
            }
        }
    }

    private sealed class Copies
    {
        // Most texts are said once: one copy, and no swarm, fit in what each starts with.
        private readonly List<Sighting> _seen = new(1);

        /// <summary>The origins whose copies made a swarm, and until when they are suppressed.</summary>
        private Dictionary<ulong, DateTimeOffset>? _swarm;

        public Echo Add(ulong origin, ulong room, DateTimeOffset now, EchoLimits limits)
        {
            var forgotten = (now - limits.Memory).UtcTicks;
            _seen.RemoveAll(copy => copy.At <= forgotten || (copy.Origin == origin && copy.Room == room));
            if (_seen.Count >= EchoLimits.MaxSightingsPerText)
            {
                _seen.RemoveAt(0);
            }

            _seen.Add(new Sighting(origin, room, now.UtcTicks));
            if (IsSwarming(origin, now))
            {
                return Echo.Swarm;
            }

            var windowStart = (now - limits.Window).UtcTicks;
            var roomsOfOrigin = _seen.Count(copy => copy.Origin == origin && copy.At > windowStart);
            if (roomsOfOrigin > limits.Rooms)
            {
                return Echo.Repeated;
            }

            // Only origins not already in a swarm can make one: a swarm's later copies cannot
            // draw in whoever says the same text after it formed.
            var swarmStart = (now - limits.SwarmWindow).UtcTicks;
            var recent = _seen.Where(copy => copy.At > swarmStart && !IsSwarming(copy.Origin, now)).ToList();
            if (recent.Select(copy => copy.Origin).Distinct().Count() >= limits.SwarmSenders
                && recent.Select(copy => copy.Room).Distinct().Count() >= limits.SwarmSenders)
            {
                Enlist(recent.Select(copy => copy.Origin).Distinct(), now + limits.SwarmBlock, now);
                return Echo.Swarm;
            }

            return Echo.None;
        }

        public bool IsForgotten(DateTimeOffset now, EchoLimits limits) =>
            (_swarm is null || _swarm.Values.All(until => now >= until)) && _seen.TrueForAll(copy => copy.At <= (now - limits.Memory).UtcTicks);

        private bool IsSwarming(ulong origin, DateTimeOffset now) => _swarm is not null && _swarm.TryGetValue(origin, out var until) && now < until;

        private void Enlist(IEnumerable<ulong> members, DateTimeOffset until, DateTimeOffset now)
        {
            _swarm ??= [];
            foreach (var (member, end) in _swarm)
            {
                if (end <= now)
                {
                    _swarm.Remove(member);
                }
            }

            foreach (var member in members)
            {
                if (_swarm.Count >= EchoLimits.MaxSightingsPerText && !_swarm.ContainsKey(member))
                {
                    // Bounded under a flood: the member whose block ends first makes room.
                    _swarm.Remove(_swarm.MinBy(pair => pair.Value).Key);
                }

                _swarm[member] = until;
            }
        }

        /// <summary>One copy: who sent it where, and when (UTC ticks): 24 bytes, and nothing for the collector to follow.</summary>
        private readonly record struct Sighting(ulong Origin, ulong Room, long At);
    }
}
