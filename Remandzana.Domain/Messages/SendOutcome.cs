namespace Remandzana.Domain.Messages;

public enum SendOutcome
{
    /// <summary>Relayed to the room.</summary>
    Relayed,

    /// <summary>A global-chat command, answered to its author only.</summary>
    CommandAnswered,

    /// <summary>No room yet: the text stays in the form (told once in the log).</summary>
    NotInRoomYet,

    /// <summary>Empty after trimming.</summary>
    Empty,

    /// <summary>Longer than the limit.</summary>
    TooLong,

    /// <summary>Unknown or departed person: the chat has ended.</summary>
    Departed,

    /// <summary>May not speak (an asker).</summary>
    Silenced,

    /// <summary>A moderation policy refused the message; the sender was told why.</summary>
    Suppressed,

    /// <summary>A moderation policy ended the sender's conversation.</summary>
    Kicked,

    /// <summary>A moderation policy ended the sender's conversation and exiles them site-wide (the web layer marks the browser).</summary>
    Exiled,
}
