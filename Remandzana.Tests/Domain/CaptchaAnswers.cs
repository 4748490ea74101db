using Remandzana.Domain.Captcha;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class CaptchaAnswers
{
    private static readonly Challenge Challenge = new("id", "KM7XPA", "402917", 12345, "en");

    [TestCase("KM7XPA")]
    [TestCase("km7xpa")]
    [TestCase(" KM7 XPA ")]
    public void ThePicturesCodeSolvesItWhateverTheCaseAndSpaces(string typed) =>
        Assert.That(Challenge.IsSolvedBy(typed), Is.True);

    [TestCase("402917")]
    [TestCase(" 402 917 ")]
    [TestCase("40-29-17")]
    [TestCase("4.0.2.9.1.7")]
    [TestCase("٤٠٢٩١٧")]
    [TestCase("４０２９１７")]
    [TestCase("402\u200b917")]
    [TestCase("\ufeff402\u00ad917\u2060")]
    public void TheRecordingsDigitsSolveItInAnyScriptAndGrouping(string typed) =>
        Assert.That(Challenge.IsSolvedBy(typed), Is.True);

    [TestCase("KM7XP")]
    [TestCase("KM7XPAA")]
    [TestCase("40291")]
    [TestCase("4029170")]
    [TestCase("402918")]
    [TestCase("+402917")]
    [TestCase("402917KM7XPA")]
    [TestCase("KM7XPA 402917")]
    [TestCase("four zero two nine one seven")]
    [TestCase("")]
    [TestCase(null)]
    public void AnythingElseDoesNot(string? typed) =>
        Assert.That(Challenge.IsSolvedBy(typed), Is.False);

    [Test]
    public void DrawnChallengesUseOnlyUnmistakableCharactersAndDigitsOfTheirOwn()
    {
        var random = new Random(7);
        var drawn = Enumerable.Range(0, 500).Select(i => Challenge.Draw(random, $"{i}", 7, "de")).ToList();

        Assert.That(drawn.Select(challenge => challenge.Code), Has.All.Length.EqualTo(Challenge.CodeLength));
        Assert.That(drawn.SelectMany(challenge => challenge.Code).Distinct(), Is.SubsetOf(CaptchaCode.Alphabet));
        Assert.That(drawn.Select(challenge => challenge.SpokenCode), Has.All.Match("^[0-9]{7}$"));
        Assert.That(drawn.Select(challenge => challenge.SpokenCode).Distinct().Count(), Is.GreaterThan(490), "the digits vary");
        Assert.That(drawn.Select(challenge => challenge.Seed).Distinct().Count(), Is.GreaterThan(490), "and so does every distortion");
        Assert.That(drawn.Select(challenge => challenge.Language), Has.All.EqualTo("de"));
    }

    [TestCase(5)]
    [TestCase(9)]
    public void TheRecordingSaysSixToEightDigits(int digits) =>
        Assert.That(() => Challenge.Draw(new Random(1), "id", digits, "en"), Throws.InstanceOf<ArgumentOutOfRangeException>());

    /// <summary>
    /// One try matches the picture's code (22 characters, 6 places) or the recording's digits (10,
    /// at least 6 places): 1/22^6 + 1/10^6, about one in a million, far below one in 10,000. The
    /// rule is checked here by counting: a million blind digit guesses at one challenge win about once.
    /// </summary>
    [Test]
    public void ABlindGuessWinsAtMostOnceInTenThousandTries()
    {
        var chance = Math.Pow(CaptchaCode.Alphabet.Length, -Challenge.CodeLength) + Math.Pow(10, -SpokenCode.FewestDigits);
        Assert.That(chance, Is.LessThan(1.0 / 10_000));

        var random = new Random(21);
        var wins = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var challenge = Challenge.Draw(random, "id", SpokenCode.FewestDigits, "en");
            var guess = random.Next(2) == 0 ? SpokenCode.Draw(random, SpokenCode.FewestDigits) : CaptchaCode.Draw(random, Challenge.CodeLength);
            wins += challenge.IsSolvedBy(guess) ? 1 : 0;
        }

        Assert.That(wins, Is.LessThan(20), "200,000 blind tries win fewer than 20 times (one in 10,000)");
    }
}
