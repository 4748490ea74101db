using Remandzana.Domain.Captcha;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class CaptchaAnswers
{
    private static readonly Challenge Challenge = new("id", "KM7XPA", new TextQuestion(4, 9));

    [TestCase("KM7XPA")]
    [TestCase("km7xpa")]
    [TestCase(" KM7 XPA ")]
    public void TheCodeSolvesItWhateverTheCaseAndSpaces(string typed) =>
        Assert.That(Challenge.IsSolvedBy(typed, null), Is.True);

    [TestCase("13")]
    [TestCase(" 13 ")]
    [TestCase("Thirteen")]
    public void TheQuestionsAnswerSolvesItAsDigitsOrAWord(string typed) =>
        Assert.That(Challenge.IsSolvedBy(null, typed), Is.True);

    [TestCase("KM7XP", null)]
    [TestCase("KM7XPAA", "")]
    [TestCase("", "12")]
    [TestCase(null, "+13")]
    [TestCase(null, "13.0")]
    [TestCase(null, null)]
    public void AnythingElseDoesNot(string? code, string? answer) =>
        Assert.That(Challenge.IsSolvedBy(code, answer), Is.False);

    [Test]
    public void EitherAnswerIsEnoughEvenWhenTheOtherIsWrong() =>
        Assert.That(Challenge.IsSolvedBy("nonsense", "13"), Is.True);

    [Test]
    public void TheQuestionIsWrittenInWords() =>
        Assert.That(new TextQuestion(4, 9).Prompt, Is.EqualTo("What is four plus nine?"));

    [Test]
    public void DrawnChallengesUseOnlyUnmistakableCharactersAndSmallSums()
    {
        var random = new Random(7);
        var drawn = Enumerable.Range(0, 500).Select(i => Challenge.Draw(random, $"{i}")).ToList();

        Assert.That(drawn.Select(challenge => challenge.Code), Has.All.Length.EqualTo(Challenge.CodeLength));
        Assert.That(drawn.SelectMany(challenge => challenge.Code).Distinct(), Is.SubsetOf(CaptchaCode.Alphabet));
        Assert.That(drawn.Select(challenge => challenge.Question.Answer), Has.All.InRange(2, 18));
        Assert.That(drawn.Select(challenge => challenge.Code).Distinct().Count(), Is.GreaterThan(490), "codes vary");
    }
}
