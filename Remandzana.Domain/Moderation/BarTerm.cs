using System.Globalization;

namespace Remandzana.Domain.Moderation;

/// <summary>
/// When a bar the operator sets from the console ends. "For good" is written as a date no one
/// reaches (<see cref="ForGood"/>), so a file keeps one shape and older versions, hand edits and
/// the retention sweep read it as an ordinary, very long bar.
/// </summary>
public static class BarTerm
{
    /// <summary>The end written for a bar "for good": 9999-12-31T00:00:00Z.</summary>
    public static readonly DateTimeOffset ForGood = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Whether a bar ending at <paramref name="until"/> was set for good (or by hand to as far).</summary>
    public static bool IsForGood(DateTimeOffset until) => until >= ForGood;

    /// <summary>The length the console's form names (<c>day</c>, <c>30days</c>, <c>forgood</c>, <c>until</c>), or null.</summary>
    public static BarLength? LengthNamed(string? name) => name switch
    {
        "day" => BarLength.Day,
        "30days" => BarLength.ThirtyDays,
        "forgood" => BarLength.ForGood,
        "until" => BarLength.UntilDate,
        _ => null,
    };

    /// <summary>
    /// When a bar of <paramref name="length"/> set at <paramref name="now"/> ends; for
    /// <see cref="BarLength.UntilDate"/>, at the start of <paramref name="date"/> (<c>yyyy-MM-dd</c>,
    /// as a date field sends it), which must be after today (UTC).
    /// </summary>
    public static BarProblem End(BarLength? length, string? date, DateTimeOffset now, out DateTimeOffset until)
    {
        until = default;
        switch (length)
        {
            case BarLength.Day:
                until = now.AddDays(1);
                return BarProblem.None;
            case BarLength.ThirtyDays:
                until = now.AddDays(30);
                return BarProblem.None;
            case BarLength.ForGood:
                until = ForGood;
                return BarProblem.None;
            case BarLength.UntilDate:
                if (!DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    return BarProblem.NoDate;
                }

                var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                if (day <= DateOnly.FromDateTime(now.UtcDateTime))
                {
                    return BarProblem.DateNotAfterToday;
                }

                until = start < ForGood ? start : ForGood;
                return BarProblem.None;
            default:
                return BarProblem.UnknownLength;
        }
    }
}
