using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Metrics;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class MessageCounting
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void CountsEveryMessageRecorded()
    {
        var clock = new FakeTimeProvider(Start);
        var counter = new MessageCounter(clock);

        for (var i = 0; i < 3; i++)
        {
            counter.Record();
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        counter.Record();
        clock.Advance(TimeSpan.FromHours(3));
        counter.Record();

        Assert.That(counter.Today, Is.EqualTo(5));
    }

    [Test]
    public void MessagesOlderThanADayNoLongerCount()
    {
        var clock = new FakeTimeProvider(Start);
        var counter = new MessageCounter(clock, TimeSpan.Zero);
        counter.Record();
        counter.Record();
        clock.Advance(TimeSpan.FromHours(12));
        counter.Record();

        clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1));
        Assert.That(counter.Today, Is.EqualTo(3), "a second before the first two turn a day old");

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(counter.Today, Is.EqualTo(1), "the first two are a day old");

        clock.Advance(TimeSpan.FromHours(12));
        Assert.That(counter.Today, Is.Zero);
    }

    [Test]
    public void ABucketReusedADayLaterStartsFromZero()
    {
        var clock = new FakeTimeProvider(Start);
        var counter = new MessageCounter(clock, TimeSpan.Zero);
        counter.Record();
        counter.Record();

        clock.Advance(TimeSpan.FromDays(1));
        counter.Record();

        Assert.That(counter.Today, Is.EqualTo(1));
    }

    [Test]
    public void TheTotalIsRecomputedAtMostOncePerInterval()
    {
        var clock = new FakeTimeProvider(Start);
        var counter = new MessageCounter(clock, TimeSpan.FromSeconds(60));
        counter.Record();
        Assert.That(counter.Today, Is.EqualTo(1));

        counter.Record();
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.That(counter.Today, Is.EqualTo(1), "still the cached total");

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(counter.Today, Is.EqualTo(2), "a minute later it is recomputed");
    }
}
