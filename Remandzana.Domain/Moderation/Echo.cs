namespace Remandzana.Domain.Moderation;

/// <summary>What the copies of a text sent elsewhere say about one more copy.</summary>
public enum Echo
{
    /// <summary>Nothing unusual: relay it.</summary>
    None,

    /// <summary>Its sender's origin already sent it into more rooms than allowed within the window.</summary>
    Repeated,

    /// <summary>Its sender's origin is one of many that sent it into many rooms at once: it is suppressed from them for a while.</summary>
    Swarm,
}
