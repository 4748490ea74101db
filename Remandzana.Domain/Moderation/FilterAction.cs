namespace Remandzana.Domain.Moderation;

/// <summary>What a filter does to a message it matches.</summary>
public enum FilterAction
{
    /// <summary>The message is not relayed; the sender is told, as a policy's suppression tells them.</summary>
    Suppress,

    /// <summary>The matched text is replaced by the operator's text, and the message goes on.</summary>
    Replace,

    /// <summary>The message is not relayed and the sender's conversation ends.</summary>
    Kick,
}
