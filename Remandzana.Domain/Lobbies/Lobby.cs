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
    public abstract string WaitingNotice(Person person);

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
    /// Picks the earliest ready people for each role a room needs, or null when some role is short.
    /// </summary>
    internal IReadOnlyList<Person>? NextRoomMembers()
    {
        var picked = new List<Person>();
        foreach (var (role, count) in RoomNeeds)
        {
            var found = 0;
            foreach (var person in _waiting)
            {
                if (found == count)
                {
                    break;
                }

                if (person.Role == role && IsReady(person))
                {
                    picked.Add(person);
                    found++;
                }
            }

            if (found < count)
            {
                return null;
            }
        }

        picked.Sort((a, b) => _waiting.IndexOf(a).CompareTo(_waiting.IndexOf(b)));
        return picked;
    }
}
