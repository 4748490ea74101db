namespace Remandzana.Domain.Moderation;

/// <summary>How much the operator may ask of the filters: each message is read by every filter of its mode.</summary>
public static class FilterLimits
{
    /// <summary>The longest word or pattern, in characters.</summary>
    public const int MaxTextLength = 200;

    /// <summary>The longest replacement, in characters.</summary>
    public const int MaxReplacementLength = 100;

    /// <summary>The most filters one mode may have.</summary>
    public const int MaxPerMode = 50;
}
