using System.Globalization;

namespace Remandzana.Domain.Metrics;

/// <summary>
/// A series drawn as a small line: one point per value, left to right at equal steps, the highest
/// value at the top and zero at the bottom (a series of zeros lies flat along the bottom). Its
/// coordinates keep <see cref="Inset"/> clear of every edge, so a line of that width is never cut.
/// </summary>
public sealed record Sparkline
{
    public const double Inset = 1;

    private Sparkline(int width, int height, IReadOnlyList<SparklinePoint> points, long latest, long highest)
    {
        Width = width;
        Height = height;
        Points = points;
        Latest = latest;
        Highest = highest;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Where the line passes, left to right; none for an empty series, two (a level line) for a single value.</summary>
    public IReadOnlyList<SparklinePoint> Points { get; }

    /// <summary>The last value (0 for an empty series).</summary>
    public long Latest { get; }

    /// <summary>The highest value (0 for an empty series).</summary>
    public long Highest { get; }

    /// <summary>The points as an SVG <c>polyline</c>'s <c>points</c> attribute.</summary>
    public string PolylinePoints => string.Join(' ', Points.Select(point => string.Create(CultureInfo.InvariantCulture, $"{point.X:0.##},{point.Y:0.##}")));

    /// <param name="values">The series, oldest first; a negative value counts as zero.</param>
    public static Sparkline Of(IReadOnlyList<long> values, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 3);
        if (values.Count == 0)
        {
            return new Sparkline(width, height, [], 0, 0);
        }

        var levels = values.Select(value => Math.Max(0, value)).ToList();
        var highest = levels.Max();
        var left = Inset;
        var right = width - Inset;
        var top = Inset;
        var bottom = height - Inset;
        double Y(long value) => highest == 0 ? bottom : bottom - ((bottom - top) * value / highest);

        IReadOnlyList<SparklinePoint> points = levels.Count == 1
            ? [new SparklinePoint(left, Y(levels[0])), new SparklinePoint(right, Y(levels[0]))]
            : [.. levels.Select((value, i) => new SparklinePoint(left + ((right - left) * i / (levels.Count - 1)), Y(value)))];
        return new Sparkline(width, height, points, levels[^1], highest);
    }
}
