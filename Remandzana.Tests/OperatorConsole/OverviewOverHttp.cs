using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.OperatorConsole;

/// <summary>The console's overview at /operator: what the site is doing now and over the last hour, on one instance.</summary>
[Category("Web")]
public sealed class OverviewOverHttp
{
    private static readonly HtmlParser Parser = new();

    [Test]
    public async Task AConversationShowsAsTwoPeopleOnTwoStrangersInOneRoomWithItsMessages()
    {
        await using var app = new RemandzanaApp(ConsoleOperators.Settings());
        var (alice, bob) = await app.OpenPair();
        await using var _ = alice;
        await using var __ = bob;
        await alice.Send("hello");
        await bob.WaitForLine("Stranger: hello");

        var overview = await Overview(app);

        Assert.Multiple(() =>
        {
            Assert.That(Figure(overview, "People online"), Is.EqualTo(new[] { "2", "2" }), "the site, then this instance");
            Assert.That(Figure(overview, "Two strangers"), Is.EqualTo(new[] { "2", "2" }));
            Assert.That(Figure(overview, "Global chat"), Is.EqualTo(new[] { "0", "0" }));
            Assert.That(Figure(overview, "Rooms open"), Is.EqualTo(new[] { "1", "1" }));
            Assert.That(Figure(overview, "Messages in the last minute"), Is.EqualTo(new[] { "1", "1" }));
            Assert.That(Figure(overview, "Captcha mode"), Is.EqualTo(new[] { "Off", "Off" }));
            Assert.That(HourLine(overview, "Messages per minute", column: 0), Does.EndWith("highest 1"));
            Assert.That(HourLine(overview, "People online", column: 0), Does.EndWith("highest 2"));
        });
    }

    [Test]
    public async Task AFloodOnSendIsCountedAmongThe429AnswersOfTheLastMinute()
    {
        await using var app = new RemandzanaApp(ConsoleOperators.Settings(new Dictionary<string, string?> { ["Remandzana:Limits:SendBurst"] = "2" }));
        var (alice, bob) = await app.OpenPair();
        await using var _ = alice;
        await using var __ = bob;
        Assert.That(Figure(await Overview(app), "429 answers"), Is.EqualTo(new[] { "0", "0" }), "none before");

        await alice.Send("one");
        await alice.Send("two");
        Assert.That((await alice.Send("three")).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));

        var overview = await Overview(app);
        Assert.Multiple(() =>
        {
            Assert.That(Figure(overview, "429 answers"), Is.EqualTo(new[] { "1", "1" }));
            Assert.That(Figure(overview, "503 answers"), Is.EqualTo(new[] { "0", "0" }));
            Assert.That(Figure(overview, "Messages in the last minute"), Is.EqualTo(new[] { "2", "2" }), "the refused one was not relayed");
            Assert.That(HourLine(overview, "429 answers per minute", column: 0), Does.EndWith("highest 1"));
        });
    }

    [Test]
    public async Task TheHourIsDrawnInTheTextsColourAsPicturesWithAName()
    {
        await using var app = new RemandzanaApp(ConsoleOperators.Settings());
        using var http = ConsoleOperators.SignedIn(app);

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

    private static async Task<IDocument> Overview(RemandzanaApp app)
    {
        using var http = ConsoleOperators.SignedIn(app);
        using var response = await http.GetAsync("/operator");
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return Parser.ParseDocument(text);
    }

    /// <summary>The cells of the first row whose heading starts with <paramref name="heading"/>: the site's, then each instance's.</summary>
    internal static string[] Figure(IDocument overview, string heading) =>
        [.. overview.QuerySelectorAll("tr")
            .First(row => row.QuerySelector("th[scope=row]")?.TextContent.StartsWith(heading, StringComparison.Ordinal) == true)
            .QuerySelectorAll("td")
            .Select(cell => cell.TextContent.Trim())];

    /// <summary>The accessible name of the hour's line of <paramref name="series"/> in <paramref name="column"/> (0: the site).</summary>
    internal static string HourLine(IDocument overview, string series, int column) =>
        overview.QuerySelectorAll("tr")
            .First(row => row.QuerySelector("th[scope=row]")?.TextContent == series && row.QuerySelector("svg") is not null)
            .QuerySelectorAll("td svg")[column]
            .GetAttribute("aria-label")!;
}
