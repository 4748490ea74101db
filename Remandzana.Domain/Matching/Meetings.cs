using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.Matching;

/// <summary>
/// The last room formed for each person, kept for <see cref="Keep"/> and for at most
/// <see cref="MaxRooms"/> rooms (the oldest forgotten first): whom a person met is known here,
/// where the room was made, and never travels in their form. Memory only, in its owner's turn.
/// </summary>
public sealed class Meetings
{
    public const int DefaultMaxRooms = 50_000;

    private readonly Dictionary<PersonId, Meeting> _byPerson = [];
    private readonly Queue<(Meeting Meeting, DateTimeOffset Until)> _oldestFirst = new();
    private readonly TimeProvider _time;

    public Meetings(TimeProvider time, TimeSpan keep, int maxRooms = DefaultMaxRooms)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(keep, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRooms, 1);
        _time = time;
        Keep = keep;
        MaxRooms = maxRooms;
    }

    public TimeSpan Keep { get; }

    public int MaxRooms { get; }

    /// <summary>How many people's last rooms are known.</summary>
    public int Count => _byPerson.Count;

    public void Remember(Formation formation)
    {
        var now = _time.GetUtcNow();
        Forget(now);
        if (_oldestFirst.Count >= MaxRooms)
        {
            Drop(_oldestFirst.Dequeue().Meeting);
        }

        var meeting = Meeting.Of(formation);
        foreach (var member in formation.Members)
        {
            _byPerson[member.Id] = meeting;
        }

        _oldestFirst.Enqueue((meeting, now + Keep));
    }

    /// <summary>The last room formed for <paramref name="id"/>, or null when it is forgotten (or none was).</summary>
    public Meeting? Of(PersonId id)
    {
        Forget(_time.GetUtcNow());
        return _byPerson.GetValueOrDefault(id);
    }

    private void Forget(DateTimeOffset now)
    {
        while (_oldestFirst.TryPeek(out var oldest) && oldest.Until <= now)
        {
            Drop(_oldestFirst.Dequeue().Meeting);
        }
    }

    /// <summary>Forgets the room for its members whose last room it still is.</summary>
    private void Drop(Meeting meeting)
    {
        foreach (var (id, _, _) in meeting.Members)
        {
            if (_byPerson.TryGetValue(id, out var last) && ReferenceEquals(last, meeting))
            {
                _byPerson.Remove(id);
            }
        }
    }
}
