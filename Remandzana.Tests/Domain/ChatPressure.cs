using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Captcha;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class ChatPressure
{
    [Test]
    public void CountsTheNewChatsOfTheLastMinuteOnly()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        var chats = new ChatsPerMinute(clock);

        chats.Record();
        chats.Record();
        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.That(chats.Record(), Is.EqualTo(3));

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.That(chats.Count(), Is.EqualTo(1), "the first two are a minute old");
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.That(chats.Record(), Is.EqualTo(1), "long after, a bucket reused for a new second starts again");
    }
}
