namespace Remandzana.Domain.Moderation;

/// <summary>Why a bar the operator asked for cannot be set.</summary>
public enum BarProblem
{
    None,

    /// <summary>The length is not one the console offers.</summary>
    UnknownLength,

    /// <summary>"Until a date" without a date, or with something that is not one.</summary>
    NoDate,

    /// <summary>"Until a date" with today or a day before: the bar would already be over.</summary>
    DateNotAfterToday,
}
