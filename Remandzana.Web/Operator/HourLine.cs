using System.Globalization;
using Remandzana.Domain.Metrics;

namespace Remandzana.Web.Operator;

/// <summary>One series of the last hour as the overview draws it: the line, and the name a screen reader reads for it.</summary>
public sealed record HourLine(string Series, Sparkline Line)
{
    public const int Width = 120;
    public const int Height = 28;

    public static HourLine Of(string series, IReadOnlyList<long> minutes) => new(series, Sparkline.Of(minutes, Width, Height));

    /// <summary>What the picture shows, in words: the latest minute and the hour's highest.</summary>
    public string AccessibleName => string.Create(
        CultureInfo.InvariantCulture,
        $"{Series} over the last hour: {Line.Latest} in the latest minute, highest {Line.Highest}");
}
