using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.Lobbies;

/// <summary>
/// Admission rules for one mode: the roles a room needs and when a waiting person is ready.
/// State changes only in the matchmaker's turn.
/// </summary>
public abstract class Lobby
{
    private readonly List<Person> _waiting = [];

    public abstract Mode Mode { get; }

    /// <summary>How many people of each role a new room takes.</summary>
    public abstract IReadOnlyDictionary<Role, int> RoomNeeds { get; }

    /// <summary>Waiting people, earliest first.</summary>
    public IReadOnlyList<Person> Waiting => _waiting;

    public virtual bool IsReady(Person person) => true;

    /// <summary>What a person is told while waiting here.</summary>
    public abstract Notice WaitingNotice(Person person);

    /// <summary>Waiting people stay in order of arrival, so a person brought back after a failure takes their old place.</summary>
    internal void Enter(Person person)
    {
        var at = _waiting.Count;
        while (at > 0 && _waiting[at - 1].JoinedAt > person.JoinedAt)
        {
            at--;
        }

        _waiting.Insert(at, person);
        person.EnterLobby(this);
    }

    internal void Exit(Person person)
    {
        _waiting.Remove(person);
        person.ExitLobby(this);
    }

    /// <summary>
    /// Picks the members of a room around <paramref name="anchor"/> (a newcomer, someone whose
    /// wait ran out, an asker who became ready): for each place, the ready person every member
    /// picked so far may meet now, closest to the anchor first, then the earliest. Null when some
    /// place stays empty. Only the anchor's arrival or change can have made a room possible. Two
    /// origins kept apart (<paramref name="avoidances"/>) are never picked together: one lookup per
    /// pair looked at, so picking costs what it cost before.
    /// </summary>
    internal IReadOnlyList<Person>? NextRoomMembers(Person anchor, Affinity affinity, Avoidances? avoidances, DateTimeOffset now)
    {
        if (!_waiting.Contains(anchor) || !IsReady(anchor) || !RoomNeeds.ContainsKey(anchor.Role))
        {
            return null;
        }

        var picked = new List<Person> { anchor };
        foreach (var (role, count) in RoomNeeds)
        {
            for (var found = role == anchor.Role ? 1 : 0; found < count; found++)
            {
                if (Closest(anchor, role, picked, affinity, avoidances, now) is not { } next)
                {
                    return null;
                }

                picked.Add(next);
            }
        }

        picked.Sort((a, b) => _waiting.IndexOf(a).CompareTo(_waiting.IndexOf(b)));
        return picked;
    }

    private Person? Closest(Person anchor, Role role, List<Person> picked, Affinity affinity, Avoidances? avoidances, DateTimeOffset now)
    {
        Person? best = null;
        var bestCloseness = -1;
        foreach (var person in _waiting)
        {
            if (person.Role != role || picked.Contains(person) || !IsReady(person))
            {
                continue;
            }

            var closeness = Affinity.Closeness(anchor, person);
            if (closeness <= bestCloseness || !picked.TrueForAll(member => affinity.Match(member, person, now) && avoidances?.Between(member.Origin, person.Origin) != true))
            {
                continue;
            }

            best = person;
            bestCloseness = closeness;
            if (closeness == Affinity.MostClose)
            {
                break;
            }
        }

        return best;
    }
}
