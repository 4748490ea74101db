using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Captcha;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class ChallengeCharges
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    [Test]
    public void AnOriginIsShownItsChallengesPerMinuteThenToldWhenTheFirstOneIsAMinuteOld()
    {
        var cost = new ChallengeCost(new ChallengeLimits(ShownPerMinute: 3, WrongAnswersPerMinute: 10), _clock);
        cost.Show();
        _clock.Advance(TimeSpan.FromSeconds(20));
        cost.Show();
        cost.Show();

        var fourth = cost.Show();

        Assert.That(fourth.IsTaken, Is.False);
        Assert.That(fourth.ComeBackIn, Is.EqualTo(TimeSpan.FromSeconds(40)));
        _clock.Advance(TimeSpan.FromSeconds(40));
        Assert.That(cost.Show().IsTaken, Is.True, "the first challenge is a minute old");
        Assert.That(cost.Show().IsTaken, Is.False);
    }

    [Test]
    public void AFloodOfTwoHundredIsShownOnlyTheLimit()
    {
        var cost = new ChallengeCost(new ChallengeLimits(ShownPerMinute: 30, WrongAnswersPerMinute: 10), _clock);

        var shown = Enumerable.Range(0, 200).Count(_ => cost.Show().IsTaken);

        Assert.That(shown, Is.EqualTo(30));
    }

    [Test]
    public void ARefusedAskIsNotCountedSoWaitingIsEnough()
    {
        var cost = new ChallengeCost(new ChallengeLimits(ShownPerMinute: 1, WrongAnswersPerMinute: 10), _clock);
        cost.Show();
        for (var i = 0; i < 50; i++)
        {
            cost.Show();
        }

        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.That(cost.Show().IsTaken, Is.True);
    }

    [Test]
    public void AnswersCountAsWrongUntilSolvedSoAllAtOnceGetNoMoreThanTheLimit()
    {
        var cost = new ChallengeCost(new ChallengeLimits(ShownPerMinute: 100, WrongAnswersPerMinute: 2), _clock);

        var checkedAnswers = Enumerable.Range(0, 10).Count(_ => cost.Answer().IsTaken);

        Assert.That(checkedAnswers, Is.EqualTo(2));
    }

    [Test]
    public void ARightAnswerCostsNothing()
    {
        var cost = new ChallengeCost(new ChallengeLimits(ShownPerMinute: 100, WrongAnswersPerMinute: 1), _clock);
        cost.Answer();
        cost.Solved();

        Assert.That(cost.Answer().IsTaken, Is.True, "the right answer gave its place back");
        Assert.That(cost.Answer().IsTaken, Is.False, "the wrong one kept it");
    }

    [Test]
    public void WrongAnswersAndChallengesShownAreCountedApart()
    {
        var cost = new ChallengeCost(new ChallengeLimits(ShownPerMinute: 1, WrongAnswersPerMinute: 1), _clock);
        cost.Show();

        Assert.That(cost.Answer().IsTaken, Is.True);
        Assert.That(cost.Show().IsTaken, Is.False);
        Assert.That(cost.Answer().ComeBackIn, Is.EqualTo(TimeSpan.FromMinutes(1)));
    }
}
