using System.Net;
using System.Globalization;
using AngleSharp.Html.Parser;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.OperatorConsole;

/// <summary>The console's overview at /operator: what the site is doing now and over the last hour, on one instance.</summary>
[Category("Web")]
public sealed class OverviewOverHttp() : SharedAppFixture(ConsoleOperators.Settings(new Dictionary<string, string?> { ["Remandzana:Limits:SendBurst"] = "2" }))
{
    private static readonly HtmlParser Parser = new();

    [Test]
    public async Task AConversationShowsAsTwoPeopleOnTwoStrangersInOneRoomWithItsMessages()
    {
        var (alice, bob) = await App.OpenPair();
        await using var _ = alice;
        await using var __ = bob;
        var before = Count(await Overview(), "Messages in the last minute");
        await alice.Send("hello");
        await bob.WaitForLine("Stranger: hello");

        var overview = await Overview();

        Assert.Multiple(() =>
        {
            Assert.That(overview.Figure("People online"), Is.EqualTo(new[] { "2", "2" }), "the site, then this instance");
            Assert.That(overview.Figure("Two strangers"), Is.EqualTo(new[] { "2", "2" }));
            Assert.That(overview.Figure("Global chat"), Is.EqualTo(new[] { "0", "0" }));
            Assert.That(overview.Figure("Rooms open"), Is.EqualTo(new[] { "1", "1" }));
            Assert.That(Count(overview, "Messages in the last minute"), Is.EqualTo(before + 1));
            Assert.That(overview.Figure("Captcha mode"), Is.EqualTo(new[] { "Off", "Off" }));
            Assert.That(overview.HourLine("Messages per minute", column: 0), Does.Not.EndWith("highest 0"));
            Assert.That(overview.HourLine("People online", column: 0), Does.EndWith("highest 2"));
        });
    }

    [Test]
    public async Task AFloodOnSendIsCountedAmongThe429AnswersOfTheLastMinute()
    {
        var (alice, bob) = await App.OpenPair();
        await using var _ = alice;
        await using var __ = bob;
        var before = await Overview();

        await alice.Send("one");
        await alice.Send("two");
        Assert.That((await alice.Send("three")).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));

        var overview = await Overview();
        Assert.Multiple(() =>
        {
            Assert.That(Count(overview, "429 answers"), Is.EqualTo(Count(before, "429 answers") + 1));
            Assert.That(Count(overview, "503 answers"), Is.EqualTo(Count(before, "503 answers")));
            Assert.That(Count(overview, "Messages in the last minute"), Is.EqualTo(Count(before, "Messages in the last minute") + 2), "the refused one was not relayed");
            Assert.That(overview.HourLine("429 answers per minute", column: 0), Does.Not.EndWith("highest 0"));
        });
    }

    [Test]
    public async Task TheHourIsDrawnInTheTextsColourAsPicturesWithAName()
    {
        using var http = ConsoleOperators.SignedIn(App);

        using var response = await http.GetAsync("/operator");
        var overview = Parser.ParseDocument(await response.Content.ReadAsStringAsync());

        var lines = overview.QuerySelectorAll("svg");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(lines, Has.Length.EqualTo(8), "four series, for the site and the one instance");
            Assert.That(lines.Select(line => line.GetAttribute("role")), Is.All.EqualTo("img"));
            Assert.That(lines.Select(line => line.GetAttribute("aria-label")), Is.All.Match(@"over the last hour: \d+ in the latest minute, highest \d+$"));
            Assert.That(overview.QuerySelectorAll("svg polyline, svg line").Select(shape => shape.GetAttribute("stroke")), Is.All.EqualTo("currentColor"));
            Assert.That(overview.QuerySelectorAll("[style], style, script"), Is.Empty, "the site's policy allows no inline style and no script");
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        });
    }

    private async Task<OverviewPage> Overview()
    {
        using var http = ConsoleOperators.SignedIn(App);
        return await OverviewPage.Read(http);
    }

    /// <summary>The site's figure in the first row whose heading starts with <paramref name="heading"/>, checked to be this one instance's too.</summary>
    private static int Count(OverviewPage overview, string heading)
    {
        var cells = overview.Figure(heading);
        Assert.That(cells, Has.Length.EqualTo(2), heading);
        Assert.That(cells[1], Is.EqualTo(cells[0]), $"{heading}: the site is its one instance");
        return int.Parse(cells[0], CultureInfo.InvariantCulture);
    }
}
