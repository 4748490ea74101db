using Remandzana.Domain.People;

namespace Remandzana.Domain.Matching;

/// <summary>
/// Origins a person asked never to meet again ("Don't match me with them again"), each for
/// <see cref="Duration"/>: the lobbies keep two origins apart when either asked, so a request works
/// both ways. Each origin keeps at most <see cref="MaxPerOrigin"/> requests of its own (its oldest
/// is dropped), so nobody else can push out what someone asked; the whole set holds at most
/// <see cref="MaxInAll"/> (the oldest dropped). Memory only, in its owner's turn.
/// </summary>
public sealed class Avoidances
{
    public const int DefaultMaxPerOrigin = 50;

    public const int DefaultMaxInAll = 200_000;

    private readonly Dictionary<Origin, Dictionary<Origin, DateTimeOffset>> _byAvoider = [];
    private readonly Queue<(Origin Avoider, Origin Avoided, DateTimeOffset Until)> _oldestFirst = new();
    private readonly TimeProvider _time;

    public Avoidances(TimeProvider time, TimeSpan duration, int maxPerOrigin = DefaultMaxPerOrigin, int maxInAll = DefaultMaxInAll)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerOrigin, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInAll, 1);
        _time = time;
        Duration = duration;
        MaxPerOrigin = maxPerOrigin;
        MaxInAll = maxInAll;
    }

    public TimeSpan Duration { get; }

    public int MaxPerOrigin { get; }

    public int MaxInAll { get; }

    /// <summary>How many requests are kept (some may have run out and not been dropped yet).</summary>
    public int Count { get; private set; }

    /// <summary>
    /// <paramref name="avoider"/> asks not to meet <paramref name="avoided"/> again. An unknown
    /// origin is not kept (it would keep apart everyone whose origin is unknown). The avoider's own
    /// origin is (a stranger behind the same address): they then meet nobody from it, which keeps
    /// the promise and costs nobody else anything. A request already kept stays as it was, so asking
    /// twice changes nothing.
    /// </summary>
    /// <returns>Whether the two are kept apart now.</returns>
    public bool Add(Origin avoider, Origin avoided)
    {
        if (avoider == Origin.Unknown || avoided == Origin.Unknown)
        {
            return false;
        }

        var now = _time.GetUtcNow();
        DropOutdated(now);
        if (!_byAvoider.TryGetValue(avoider, out var avoiding))
        {
            _byAvoider[avoider] = avoiding = [];
        }

        if (avoiding.TryGetValue(avoided, out var until) && until > now)
        {
            return true;
        }

        if (avoiding.Count >= MaxPerOrigin)
        {
            var oldest = avoiding.MinBy(pair => pair.Value).Key;
            Remove(avoider, oldest, avoiding[oldest]);
        }

        if (_oldestFirst.Count >= MaxInAll)
        {
            var (firstAvoider, firstAvoided, firstUntil) = _oldestFirst.Dequeue();
            Remove(firstAvoider, firstAvoided, firstUntil);
        }

        until = now + Duration;
        _byAvoider[avoider] = avoiding;
        avoiding[avoided] = until;
        _oldestFirst.Enqueue((avoider, avoided, until));
        Count++;
        return true;
    }

    /// <summary>Whether either of the two asked not to meet the other, and that still holds.</summary>
    public bool Between(Origin a, Origin b)
    {
        if (Count == 0)
        {
            return false;
        }

        var now = _time.GetUtcNow();
        return Asked(a, b, now) || Asked(b, a, now);
    }

    private bool Asked(Origin avoider, Origin avoided, DateTimeOffset now) =>
        _byAvoider.TryGetValue(avoider, out var avoiding) && avoiding.TryGetValue(avoided, out var until) && until > now;

    /// <summary>Requests run out in the order they were made (one duration for all): the queue's head goes first.</summary>
    private void DropOutdated(DateTimeOffset now)
    {
        while (_oldestFirst.TryPeek(out var oldest) && oldest.Until <= now)
        {
            _oldestFirst.Dequeue();
            Remove(oldest.Avoider, oldest.Avoided, oldest.Until);
        }
    }

    /// <summary>Removes the request if it is still the one made at that time (a later one for the same pair stays).</summary>
    private void Remove(Origin avoider, Origin avoided, DateTimeOffset until)
    {
        if (!_byAvoider.TryGetValue(avoider, out var avoiding) || !avoiding.TryGetValue(avoided, out var kept) || kept != until)
        {
            return;
        }

        avoiding.Remove(avoided);
        Count--;
        if (avoiding.Count == 0)
        {
            _byAvoider.Remove(avoider);
        }
    }
}
