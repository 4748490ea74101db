using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Metrics;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class TallyRings
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 12, 0, 30, TimeSpan.Zero);

    [Test]
    public void EachMinuteKeepsItsOwnCountWithTheCurrentOneLast()
    {
        var clock = new FakeTimeProvider(Start);
        var ring = new TallyRing(clock, TimeSpan.FromMinutes(1), 60);
        ring.Add();
        ring.Add(2);
        clock.Advance(TimeSpan.FromMinutes(2));
        ring.Add(5);

        Assert.That(ring.Series(4), Is.EqualTo(new long[] { 0, 3, 0, 5 }));
        Assert.That(ring.Sum(60), Is.EqualTo(8));
    }

    [Test]
    public void AnHourLaterTheFirstMinuteNoLongerCountsAndItsBucketStartsFromZero()
    {
        var clock = new FakeTimeProvider(Start);
        var ring = new TallyRing(clock, TimeSpan.FromMinutes(1), 60);
        ring.Add(7);
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.That(ring.Sum(60), Is.EqualTo(7), "still within the hour");

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(ring.Sum(60), Is.Zero, "an hour old");

        ring.Add();
        Assert.That(ring.Series(60), Is.EqualTo(Enumerable.Repeat(0L, 59).Append(1)), "the same slot, reused, counts from zero");
    }

    [Test]
    public void AfterALongSilenceEveryBucketReadsZero()
    {
        var clock = new FakeTimeProvider(Start);
        var ring = new TallyRing(clock, TimeSpan.FromSeconds(1), 60);
        for (var i = 0; i < 60; i++)
        {
            ring.Add(i + 1);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        clock.Advance(TimeSpan.FromDays(3));
        Assert.That(ring.Series(60), Is.All.Zero);
    }

    [Test]
    public void ALevelKeepsTheHighestValueSeenInItsMinute()
    {
        var clock = new FakeTimeProvider(Start);
        var ring = new TallyRing(clock, TimeSpan.FromMinutes(1), 60);
        ring.Raise(4);
        ring.Raise(9);
        ring.Raise(2);
        clock.Advance(TimeSpan.FromMinutes(1));
        ring.Raise(1);

        Assert.That(ring.Series(2), Is.EqualTo(new long[] { 9, 1 }));
    }

    [Test]
    public void ASecondRingCountsTheLastSixtySeconds()
    {
        var clock = new FakeTimeProvider(Start);
        var ring = new TallyRing(clock, TimeSpan.FromSeconds(1), 60);
        ring.Add();
        clock.Advance(TimeSpan.FromSeconds(30));
        ring.Add();

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.That(ring.Sum(60), Is.EqualTo(2));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(ring.Sum(60), Is.EqualTo(1), "the first is a minute old");
    }

    [Test]
    public void ManyThreadsAddingAtOnceLoseNoCount()
    {
        var ring = new TallyRing(new FakeTimeProvider(Start), TimeSpan.FromMinutes(1), 60);

        Parallel.For(0, 100_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => ring.Add());

        Assert.That(ring.Sum(1), Is.EqualTo(100_000));
    }

    [Test]
    public void ASeriesLongerThanTheRingIsRefused()
    {
        var ring = new TallyRing(new FakeTimeProvider(Start), TimeSpan.FromMinutes(1), 60);

        Assert.That(() => ring.Series(61), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
