using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
using Remandzana.Domain.People;
using Remandzana.Web.Operator;

namespace Remandzana.Tests.Web;

/// <summary>How the overview adds up its instances, and how it treats one that does not answer.</summary>
[Category("Web")]
public sealed class OverviewFigures
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    [Test]
    public async Task AnInstanceThatFailsAsTheClusterFailsIsNotAnsweringNotAnError()
    {
        var answer = await InstanceAnswer.Within<InstanceFigures>(() => throw new SiloUnavailableException("instance-1 is gone"), Timeout, TimeProvider.System);

        Assert.That(answer, Is.Null);
    }

    [Test]
    public async Task AnInstanceThatTakesLongerThanTheTimeoutIsNotAnswering()
    {
        var clock = new FakeTimeProvider();
        var never = new TaskCompletionSource<InstanceFigures>();

        var answer = InstanceAnswer.Within(() => never.Task, Timeout, clock);
        clock.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        Assert.That(answer.IsCompleted, Is.False, "it is waited for until the timeout");
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(await answer, Is.Null);
    }

    [Test]
    public void AFaultThatIsNotTheClustersIsNotHidden()
    {
        Assert.That(
            async () => await InstanceAnswer.Within<InstanceFigures>(() => throw new InvalidOperationException("a bug"), Timeout, TimeProvider.System),
            Throws.InvalidOperationException);
    }

    [Test]
    public void TheSiteAddsItsInstancesAndCountsARoomSharedByTwoOnce()
    {
        var first = Figures(two: 1, global: 3, rooms: ["room-a", "global"], messages: 4, tooMany: 2, hourEnd: [1, 2]);
        var second = Figures(two: 1, global: 1, rooms: ["room-a", "room-b", "global"], messages: 1, tooMany: 0, hourEnd: [10, 20]);

        var site = SiteFigures.Of([first, second], footerMessagesToday: 99, "Off", pressure: 7, pressureLimit: 300);

        Assert.Multiple(() =>
        {
            Assert.That(site.PeopleOnline, Is.EqualTo(6));
            Assert.That(site.PeoplePerEntry[(int)ChatEntry.Two], Is.EqualTo(2));
            Assert.That(site.RoomsOpen, Is.EqualTo(3), "room-a has a member on each instance");
            Assert.That(site.MessagesLastMinute, Is.EqualTo(5));
            Assert.That((site.MessagesToday, site.FooterMessagesToday), Is.EqualTo((5L, 99L)), "the instances' own, and the footer's as it was read");
            Assert.That(site.TooManyLastMinute, Is.EqualTo(2));
            Assert.That(site.MessagesHour[^2..], Is.EqualTo(new long[] { 11, 22 }), "minute by minute, the latest last");
            Assert.That(site.MessagesHour, Has.Length.EqualTo(InstanceActivity.HourMinutes));
        });
    }

    [Test]
    public void WithNoInstanceAnsweringTheSiteIsAllZerosAndItsLinesLieFlat()
    {
        var site = SiteFigures.Of([], footerMessagesToday: null, "Always", pressure: null, pressureLimit: 300);

        Assert.That(site.PeopleOnline, Is.Zero);
        Assert.That(HourLine.Of("People online", site.PeopleHour).AccessibleName, Is.EqualTo("People online over the last hour: 0 in the latest minute, highest 0"));
    }

    private static InstanceFigures Figures(int two, int global, string[] rooms, long messages, long tooMany, long[] hourEnd)
    {
        var people = new int[Enum.GetValues<ChatEntry>().Length];
        people[(int)ChatEntry.Two] = two;
        people[(int)ChatEntry.Global] = global;
        var hour = new long[InstanceActivity.HourMinutes];
        hourEnd.CopyTo(hour, hour.Length - hourEnd.Length);
        return new InstanceFigures(people, rooms, messages, messages, tooMany, 0, "Off", hour, hour, hour, hour);
    }
}
