namespace Remandzana.Domain.Moderation;

/// <summary>
/// Remembers, for a while, who sent which text (by <see cref="EchoKey"/>) into which room, and
/// tells whether one more copy is advertising: its origin sent it into more than
/// <see cref="EchoLimits.Rooms"/> rooms within the window (<see cref="Echo.Repeated"/>), or many
/// origins send it into many rooms within a minute (<see cref="Echo.Swarm"/>, which then holds
/// for those origins, the swarm's members, for <see cref="EchoLimits.SwarmBlock"/>). Someone who
/// was not among them is judged by their own copies only: five origins cannot silence a sixth.
/// Not thread-safe: its owner calls it one at a time.
/// </summary>
public sealed class TextEchoes(EchoLimits limits, TimeProvider time)
{
    private readonly Dictionary<string, Copies> _texts = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>Texts remembered now.</summary>
    public int Count => _texts.Count;

    public EchoLimits Limits => limits;

    /// <summary>Records one copy of <paramref name="text"/> (unless it is too short to count), and judges it.</summary>
    public Echo ObserveText(string origin, string room, string text) =>
        EchoKey.Of(text, limits.MinLength) is { } key ? Observe(origin, room, key) : Echo.None;

    /// <summary>Records one copy of the text <paramref name="key"/> from <paramref name="origin"/> into <paramref name="room"/>, and judges it.</summary>
    public Echo Observe(string origin, string room, string key)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        if (!_texts.TryGetValue(key, out var copies))
        {
            if (_texts.Count >= limits.MaxTexts)
            {
                return Echo.None;
            }

            copies = new Copies();
            _texts[key] = copies;
        }

        return copies.Add(origin, room, now, limits);
    }

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
        private readonly List<(string Origin, string Room, DateTimeOffset At)> _seen = [];

        /// <summary>The origins whose copies made a swarm, and until when they are suppressed.</summary>
        private readonly Dictionary<string, DateTimeOffset> _swarm = new(StringComparer.Ordinal);

        public Echo Add(string origin, string room, DateTimeOffset now, EchoLimits limits)
        {
            _seen.RemoveAll(copy => copy.At <= now - limits.Memory || (copy.Origin == origin && copy.Room == room));
            if (_seen.Count >= EchoLimits.MaxSightingsPerText)
            {
                _seen.RemoveAt(0);
            }

            _seen.Add((origin, room, now));
            if (_swarm.TryGetValue(origin, out var until) && now < until)
            {
                return Echo.Swarm;
            }

            var roomsOfOrigin = _seen.Count(copy => copy.Origin == origin && copy.At > now - limits.Window);
            if (roomsOfOrigin > limits.Rooms)
            {
                return Echo.Repeated;
            }

            // Only origins not already in a swarm can make one: a swarm's later copies cannot
            // draw in whoever says the same text after it formed.
            var recent = _seen.Where(copy => copy.At > now - limits.SwarmWindow && !IsSwarming(copy.Origin, now)).ToList();
            if (recent.Select(copy => copy.Origin).Distinct().Count() >= limits.SwarmSenders
                && recent.Select(copy => copy.Room).Distinct().Count() >= limits.SwarmSenders)
            {
                Enlist(recent.Select(copy => copy.Origin).Distinct(), now + limits.SwarmBlock, now);
                return Echo.Swarm;
            }

            return Echo.None;
        }

        public bool IsForgotten(DateTimeOffset now, EchoLimits limits) =>
            _swarm.Values.All(until => now >= until) && _seen.TrueForAll(copy => copy.At <= now - limits.Memory);

        private bool IsSwarming(string origin, DateTimeOffset now) => _swarm.TryGetValue(origin, out var until) && now < until;

        private void Enlist(IEnumerable<string> members, DateTimeOffset until, DateTimeOffset now)
        {
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
    }
}
