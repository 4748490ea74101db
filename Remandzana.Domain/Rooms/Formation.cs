using Remandzana.Domain.People;

namespace Remandzana.Domain.Rooms;

/// <summary>The people a lobby picked for a new room, in admission order; the room does not exist until it is opened.</summary>
public sealed record Formation(Mode Mode, IReadOnlyList<Person> Members)
{
    /// <summary>The asker's question, for a question room.</summary>
    public string? Question => Members.FirstOrDefault(person => person.Role == Role.Asker)?.Question;

    /// <summary>Creates the room, admits the members in order and tells them it exists.</summary>
    public Room Open(string id, DateTimeOffset now)
    {
        var room = Room.Create(Mode, id, now, Question);
        foreach (var member in Members)
        {
            room.Admit(member);
        }

        room.AnnounceFormed();
        room.AnnounceSharedInterests();
        return room;
    }
}
