using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.Replicas;

/// <summary>One instance's copy of a room: the domain room itself, and its members by id.</summary>
internal sealed class RoomCopy(Room room)
{
    private readonly Dictionary<PersonId, Person> _members = [];

    public Room Room { get; } = room;

    public int LocalMembers { get; private set; }

    public void Admit(Person person)
    {
        _members[person.Id] = person;
        Room.Admit(person);
        if (!person.IsStandIn)
        {
            LocalMembers++;
        }
    }

    public Member? Find(PersonId id) => _members.GetValueOrDefault(id) is { } person ? Room.Find(person) : null;

    public void Remove(PersonId id)
    {
        if (!_members.Remove(id, out var person))
        {
            return;
        }

        Room.Remove(person);
        if (!person.IsStandIn)
        {
            LocalMembers--;
        }
    }

    public static Room Create(Mode mode, string id, DateTimeOffset createdAt, string? question) => mode switch
    {
        Mode.Two => new TwoRoom(id, createdAt),
        Mode.Three => new ThreeRoom(id, createdAt),
        Mode.Question => new QuestionRoom(id, createdAt, question ?? ""),
        _ => new GlobalRoom(id, createdAt),
    };
}
