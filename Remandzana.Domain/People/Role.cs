namespace Remandzana.Domain.People;

public enum Role
{
    /// <summary>Talks in the room: everyone except a question's author.</summary>
    Talker,

    /// <summary>The author of a question: sets it up, then watches without speaking.</summary>
    Asker,
}
