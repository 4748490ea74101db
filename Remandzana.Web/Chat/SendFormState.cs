namespace Remandzana.Web.Chat;

public enum SendFormState
{
    /// <summary>Type a chat message.</summary>
    Message,

    /// <summary>Type the question (the asker, before the room).</summary>
    Setup,

    /// <summary>A disabled field: the asker watches without speaking.</summary>
    Watching,

    /// <summary>A disabled field: the chat has ended.</summary>
    Ended,
}
