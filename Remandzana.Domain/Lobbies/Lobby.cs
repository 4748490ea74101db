using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.Lobbies;

/// <summary>
/// Admission rules for one mode: the roles a room needs, when a waiting person is ready, and
/// whether rooms stay open for newcomers. State changes only under the switchboard's lock.
/// </summary>
public abstract class Lobby
{
    private readonly List<Person> _waiting = [];
    private readonly List<Room> _openRooms = [];

    public abstract Mode Mode { get; }

    /// <summary>How many people of each role a new room takes.</summary>
    public abstract IReadOnlyDictionary<Role, int> RoomNeeds { get; }

    /// <summary>Newcomers join a room this lobby created before (global chat) instead of waiting.</summary>
    public virtual bool KeepsRoomsOpen => false;

    /// <summary>Waiting people, earliest first.</summary>
    public IReadOnlyList<Person> Waiting => _waiting;

    public IReadOnlyList<Room> OpenRooms => _openRooms;

    public virtual bool IsReady(Person person) => true;

    /// <summary>What a person is told while waiting here, or null to say nothing.</summary>
    public abstract string? WaitingNotice(Person person);

    protected abstract Room CreateRoom(string id, DateTimeOffset now, IReadOnlyList<Person> members);

    public bool Accepts(Role role) => RoomNeeds.ContainsKey(role);

    internal void Enter(Person person)
    {
        _waiting.Add(person);
        person.EnterLobby(this);
    }

    internal void Exit(Person person)
    {
        _waiting.Remove(person);
        person.ExitLobby(this);
    }

    internal Room? OpenRoomFor(Person person) =>
        KeepsRoomsOpen && _openRooms.Count > 0 ? _openRooms[0] : null;

    internal void Forget(Room room) => _openRooms.Remove(room);

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

    internal Room Open(string id, DateTimeOffset now, IReadOnlyList<Person> members)
    {
        var room = CreateRoom(id, now, members);
        if (KeepsRoomsOpen)
        {
            _openRooms.Add(room);
        }

        return room;
    }
}
