namespace Remandzana.Domain.Moderation;

/// <summary>How long the operator bars someone a report names.</summary>
public enum BarLength
{
    Day,
    ThirtyDays,
    ForGood,

    /// <summary>Until the start (00:00 UTC) of a date the operator picks.</summary>
    UntilDate,
}
