using System.Globalization;
using Remandzana.Domain.Metrics;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class Sparklines
{
    [Test]
    public void TheHighestValueTouchesTheTopAndZeroTheBottomAtEqualSteps()
    {
        var line = Sparkline.Of([0, 5, 10], width: 102, height: 22);

        Assert.That(line.Points, Is.EqualTo(new[] { new SparklinePoint(1, 21), new SparklinePoint(51, 11), new SparklinePoint(101, 1) }));
        Assert.That(line.PolylinePoints, Is.EqualTo("1,21 51,11 101,1"));
        Assert.That((line.Latest, line.Highest), Is.EqualTo((10L, 10L)));
    }

    [Test]
    public void AnEmptySeriesHasNoLine()
    {
        var line = Sparkline.Of([], 100, 20);

        Assert.That(line.Points, Is.Empty);
        Assert.That(line.PolylinePoints, Is.Empty);
        Assert.That((line.Latest, line.Highest), Is.EqualTo((0L, 0L)));
    }

    [Test]
    public void ASeriesOfZerosLiesFlatAlongTheBottom()
    {
        var line = Sparkline.Of(new long[60], 100, 20);

        Assert.That(line.Points, Has.Count.EqualTo(60));
        Assert.That(line.Points.Select(point => point.Y), Is.All.EqualTo(19));
        Assert.That(line.Points[0].X, Is.EqualTo(1));
        Assert.That(line.Points[^1].X, Is.EqualTo(99));
    }

    [Test]
    public void ASingleValueIsALevelLineAcross()
    {
        var line = Sparkline.Of([3], 100, 20);

        Assert.That(line.Points, Is.EqualTo(new[] { new SparklinePoint(1, 1), new SparklinePoint(99, 1) }));
    }

    [Test]
    public void EveryPointStaysInsideTheDrawingWhateverTheValues()
    {
        var line = Sparkline.Of([long.MaxValue / 2, -4, 1, long.MaxValue / 2 - 1], 60, 12);

        Assert.That(line.Points.Select(point => point.X), Is.All.InRange(Sparkline.Inset, 60 - Sparkline.Inset));
        Assert.That(line.Points.Select(point => point.Y), Is.All.InRange(Sparkline.Inset, 12 - Sparkline.Inset));
        Assert.That(line.Points[1].Y, Is.EqualTo(11), "a negative value counts as zero");
    }

    [Test]
    public void PointsAreWrittenTheSameInEveryCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.That(Sparkline.Of([0, 1, 2], 10, 10).PolylinePoints, Is.EqualTo("1,9 5,5 9,1"));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
