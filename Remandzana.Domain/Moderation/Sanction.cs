namespace Remandzana.Domain.Moderation;

/// <summary>What a verdict does to the message and its sender.</summary>
public enum Sanction
{
    /// <summary>The message is not relayed; the sender is told why.</summary>
    Suppress,

    /// <summary>The message is not relayed and the sender's conversation ends.</summary>
    Kick,

    /// <summary>Kicked, and marked so that chat pages refuse them from now on.</summary>
    Exile,
}
