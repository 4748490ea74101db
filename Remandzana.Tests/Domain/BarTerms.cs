using Remandzana.Domain.Moderation;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class BarTerms
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 22, 30, 0, TimeSpan.Zero);

    [TestCase("day", 1)]
    [TestCase("30days", 30)]
    public void ADayOrThirtyDaysCountFromNow(string length, int days)
    {
        Assert.That(BarTerm.End(BarTerm.LengthNamed(length), null, Now, out var until), Is.EqualTo(BarProblem.None));
        Assert.That(until, Is.EqualTo(Now.AddDays(days)));
    }

    [Test]
    public void ForGoodIsTheLastDayOfTheCalendarWhichIsReadAsForGood()
    {
        Assert.That(BarTerm.End(BarLength.ForGood, null, Now, out var until), Is.EqualTo(BarProblem.None));
        Assert.That(until, Is.EqualTo(new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(BarTerm.IsForGood(until), Is.True);
        Assert.That(BarTerm.IsForGood(Now.AddYears(100)), Is.False);
    }

    [Test]
    public void UntilADateEndsAtTheStartOfThatDayInUtc()
    {
        Assert.That(BarTerm.End(BarLength.UntilDate, "2027-01-31", Now, out var until), Is.EqualTo(BarProblem.None));
        Assert.That(until, Is.EqualTo(new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero)));
    }

    [TestCase("2026-12-05", BarProblem.DateNotAfterToday)]
    [TestCase("2026-12-04", BarProblem.DateNotAfterToday)]
    [TestCase("1970-01-01", BarProblem.DateNotAfterToday)]
    [TestCase("", BarProblem.NoDate)]
    [TestCase(null, BarProblem.NoDate)]
    [TestCase("2027-02-30", BarProblem.NoDate)]
    [TestCase("31/01/2027", BarProblem.NoDate)]
    [TestCase("2027-01-31T00:00:00Z", BarProblem.NoDate)]
    [TestCase("１２０２７-01-31", BarProblem.NoDate)]
    public void UntilTodayOrADayGoneOrNoDateIsRefused(string? date, BarProblem problem) =>
        Assert.That(BarTerm.End(BarLength.UntilDate, date, Now, out _), Is.EqualTo(problem));

    [TestCase("forever")]
    [TestCase("Day")]
    [TestCase("")]
    [TestCase(null)]
    public void ALengthTheConsoleDoesNotOfferIsRefused(string? name) =>
        Assert.That(BarTerm.End(BarTerm.LengthNamed(name), null, Now, out _), Is.EqualTo(BarProblem.UnknownLength));
}
