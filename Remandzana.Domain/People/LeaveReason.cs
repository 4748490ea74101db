namespace Remandzana.Domain.People;

public enum LeaveReason
{
    /// <summary>The browser went away (tab closed, connection lost).</summary>
    Disconnected,

    /// <summary>The person's mailbox filled up because their browser stopped reading.</summary>
    Stalled,

    /// <summary>A moderation policy ended their conversation.</summary>
    Kicked,

    /// <summary>The conversation ended around them (everyone else left).</summary>
    ConversationOver,

    /// <summary>The server is stopping.</summary>
    ServerStopping,
}
