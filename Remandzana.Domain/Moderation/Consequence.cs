namespace Remandzana.Domain.Moderation;

/// <summary>What happens once a policy's suppressions are used up.</summary>
public enum Consequence
{
    /// <summary>The sender's conversation ends; the others are told as if they left.</summary>
    Kick,

    /// <summary>Kicked, and the browser is marked so that chat pages refuse it.</summary>
    Exile,
}
