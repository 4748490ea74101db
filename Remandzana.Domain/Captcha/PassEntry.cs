namespace Remandzana.Domain.Captcha;

/// <summary>What a pass's allowance says to one more chat page.</summary>
public enum PassEntry
{
    Admitted,

    /// <summary>The pass has opened all the chats it was good for: a new challenge gives a new pass.</summary>
    UsedUp,

    /// <summary>The pass holds as many chat pages open as it may.</summary>
    TooManyOpen,

    /// <summary>The pass opened as many chats in the last minute as it may.</summary>
    TooManyNew,
}
