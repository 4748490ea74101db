using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Captcha;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class PassAllowances
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    [Test]
    public void APassIsGoodForItsNumberOfChats()
    {
        var pass = new PassAllowance(new PassLimits(Chats: 3, OpenPages: 10, NewPerMinute: 10), _clock);

        var entries = Enumerable.Range(0, 4).Select(_ => { var entry = pass.Enter(); pass.Leave(); return entry; }).ToList();

        Assert.That(entries, Is.EqualTo(new[] { PassEntry.Admitted, PassEntry.Admitted, PassEntry.Admitted, PassEntry.UsedUp }));
    }

    [Test]
    public void APassHoldsAtMostItsOpenPagesAndALeavingPageFreesAPlace()
    {
        var pass = new PassAllowance(new PassLimits(Chats: 10, OpenPages: 2, NewPerMinute: 10), _clock);
        pass.Enter();
        pass.Enter();

        Assert.That(pass.Enter(), Is.EqualTo(PassEntry.TooManyOpen));
        pass.Leave();
        Assert.That(pass.Enter(), Is.EqualTo(PassEntry.Admitted));
        Assert.That(pass.Used, Is.EqualTo(3), "a refused page is not counted");
    }

    [Test]
    public void APassOpensAtMostItsNewChatsPerMinute()
    {
        var pass = new PassAllowance(new PassLimits(Chats: 10, OpenPages: 10, NewPerMinute: 2), _clock);
        pass.Enter();
        _clock.Advance(TimeSpan.FromSeconds(30));
        pass.Enter();

        Assert.That(pass.Enter(), Is.EqualTo(PassEntry.TooManyNew));
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.That(pass.Enter(), Is.EqualTo(PassEntry.Admitted), "the first chat is a minute old");
        Assert.That(pass.Enter(), Is.EqualTo(PassEntry.TooManyNew));
    }

    [Test]
    public void LeavingMoreThanEnteredNeverGoesBelowNone()
    {
        var pass = new PassAllowance(new PassLimits(Chats: 10, OpenPages: 1, NewPerMinute: 10), _clock);
        pass.Leave();
        pass.Enter();

        Assert.That(pass.Enter(), Is.EqualTo(PassEntry.TooManyOpen));
    }
}
