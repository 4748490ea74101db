using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Remandzana.Domain.People;
using Remandzana.Tests.Support;
using Remandzana.Web.Operator;
using Remandzana.Web.Reports;

namespace Remandzana.Tests.Web;

/// <summary>
/// The console's reports, bars and feedback pages over HTTP, as an operator uses them: each action
/// is written back to its file, recorded in the audit log, and takes effect (a barred origin's chat
/// page answers 403 at once; a published entry is on /feedback at once). Hostile report lines are
/// shown as text, and a file name in a form is never a path.
/// </summary>
[Category("Web")]
public sealed class ConsoleReportsOverHttp() : SharedAppFixture(ConsoleOperators.Settings())
{
    private static readonly HtmlParser Parser = new();
    private static readonly IPAddress Stranger = IPAddress.Parse("127.0.0.2");

    private string Reports => Path.Combine(App.Folder, "reports");

    private string Feedback => Path.Combine(App.Folder, "feedback");

    [TearDown]
    public void Tidy()
    {
        foreach (var folder in new[] { Reports, Feedback })
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder))
                {
                    File.Delete(file);
                }
            }
        }
    }

    [Test]
    public async Task BarringANameForADayWritesItsFileRecordsItAndRefusesItsChatPageAtOnce()
    {
        var file = WriteReport(StrangerOrigin());
        using var http = Operator();
        using var before = await FromStranger().GetAsync("/two", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var answer = await Press(http, "/operator/reports", form => Action(form).EndsWith("/operator/reports/bar", StringComparison.Ordinal) && Field(form, "file") == file && Field(form, "person") == "0", "length", "day");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var written = ReadReport(file)["reported"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(written["bar"]!.GetValue<bool>(), Is.True);
            Assert.That(written["barredUntil"]!.GetValue<DateTimeOffset>(), Is.EqualTo(DateTimeOffset.UtcNow.AddDays(1)).Within(TimeSpan.FromMinutes(5)));
            Assert.That(written["barredBy"]!.GetValue<string>(), Is.EqualTo(ConsoleOperators.Moderator));
        });
        await AssertAudited("bar", file);
        using var after = await FromStranger().GetAsync("/two", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "this instance refreshed its bars at once, not at the next rescan");
        Assert.That(await after.Content.ReadAsStringAsync(), Does.Contain("You are barred from chatting"));

        var bars = await Page(http, "/operator/bars");
        Assert.That(bars.QuerySelector("tbody tr")?.TextContent, Does.Contain("Stranger").And.Contain(ConsoleOperators.Moderator));

        var lifted = await Press(http, "/operator/bars", form => Action(form).EndsWith("/operator/bars/lift", StringComparison.Ordinal) && Field(form, "file") == file, null, null);

        Assert.That(lifted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(ReadReport(file)["reported"]![0]!["barredUntil"]!.GetValue<DateTimeOffset>(), Is.LessThanOrEqualTo(DateTimeOffset.UtcNow));
        await AssertAudited("lift", file);
        using var again = await FromStranger().GetAsync("/two", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "lifted at once");
        Assert.That((await Page(http, "/operator/bars")).QuerySelector("tbody"), Is.Null, "no bar left");
    }

    [Test]
    public async Task BarringForGoodWritesTheLastDayOfTheCalendarAndTheBarsPageSaysForGood()
    {
        var file = WriteReport("hmac:AAAAAAAAAAAAAAAAAAAAAA");
        using var http = Operator();

        await Press(http, "/operator/reports", BarForm(file), "length", "forgood");

        Assert.That(ReadReport(file)["reported"]![0]!["barredUntil"]!.GetValue<string>(), Does.StartWith("9999-12-31T00:00:00"));
        await AssertAudited("bar", file);
        var bars = await Page(http, "/operator/bars");
        Assert.That(bars.QuerySelector("tbody tr")?.TextContent, Does.Contain("For good"));
    }

    [Test]
    public async Task BarringUntilADateWritesThatDayAndADayGoneIsRefusedWithTheDateKept()
    {
        var file = WriteReport("hmac:BBBBBBBBBBBBBBBBBBBBBB");
        using var http = Operator();

        var refused = await Press(http, "/operator/reports", BarForm(file), "length", "until", ("until", "2020-01-01"));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.That(page.QuerySelector("[role=alert]")?.TextContent, Does.Contain("today or gone"));
        Assert.That(page.QuerySelector<IHtmlInputElement>("input[type=date]")?.Value, Is.EqualTo("2020-01-01"), "what was typed is kept");
        Assert.That(ReadReport(file)["reported"]![0]!["bar"]!.GetValue<bool>(), Is.False, "nothing written");

        var date = DateTime.UtcNow.Date.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var barred = await Press(http, "/operator/reports", BarForm(file), "length", "until", ("until", date));

        Assert.That(barred.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(ReadReport(file)["reported"]![0]!["barredUntil"]!.GetValue<string>(), Does.StartWith(date + "T00:00:00"));
    }

    [Test]
    public async Task DismissingClosesTheReportAndReopeningOpensItAgain()
    {
        var file = WriteReport("hmac:CCCCCCCCCCCCCCCCCCCCCC");
        using var http = Operator();

        await Press(http, "/operator/reports", form => Action(form).EndsWith("/dismiss", StringComparison.Ordinal) && Field(form, "file") == file, null, null);

        Assert.That(ReadReport(file)["closed"]!.GetValue<bool>(), Is.True);
        await AssertAudited("dismiss", file);
        Assert.That((await Page(http, "/operator/reports")).QuerySelectorAll("input[name=file]").Select(input => input.GetAttribute("value")), Does.Not.Contain(file));

        await Press(http, "/operator/reports?show=closed", form => Action(form).EndsWith("/reopen", StringComparison.Ordinal) && Field(form, "file") == file, null, null);

        Assert.That(ReadReport(file)["closed"]!.GetValue<bool>(), Is.False);
        await AssertAudited("reopen", file);
        Assert.That((await Page(http, "/operator/reports")).QuerySelectorAll("input[name=file]").Select(input => input.GetAttribute("value")), Does.Contain(file));
    }

    [Test]
    public async Task HostileLinesAreShownAsTheTextTheyAreEachIsolated()
    {
        var file = WriteReport("hmac:DDDDDDDDDDDDDDDDDDDDDD", "Stranger: <script>alert(1)</script><img src=x onerror=alert(1)>", "Stranger: \u202Eevil\u202C tail", "Stranger: " + new string('w', 2_000));
        using var http = Operator();

        var page = await Page(http, $"/operator/reports?file={Uri.EscapeDataString(file)}");

        Assert.That(page.QuerySelectorAll("script, img"), Is.Empty, "markup in a line stays text");
        var lines = page.QuerySelectorAll(".console-lines li bdi").Select(line => line.TextContent).ToList();
        Assert.That(lines, Does.Contain("Stranger: <script>alert(1)</script><img src=x onerror=alert(1)>"));
        Assert.That(lines, Does.Contain("Stranger: \u202Eevil\u202C tail"), "each line in its own <bdi>: an override cannot reach past it");
    }

    [TestCase("../outside.json")]
    [TestCase("..%2Foutside.json")]
    [TestCase("%2e%2e%2foutside.json")]
    [TestCase("/etc/passwd")]
    [TestCase("SELF/../outside.json")]
    [TestCase("SELF ")]
    public async Task AFileNameTheFolderDoesNotListIsRefusedAndNothingIsWritten(string name)
    {
        var file = WriteReport("hmac:EEEEEEEEEEEEEEEEEEEEEE");
        var outside = Path.Combine(App.Folder, "outside.json");
        File.Copy(Path.Combine(Reports, file), outside, overwrite: true);
        var before = await File.ReadAllTextAsync(outside);
        using var http = Operator();
        var named = name.Replace("SELF", file, StringComparison.Ordinal);

        var answer = await Press(http, "/operator/reports", form => Action(form).EndsWith("/dismiss", StringComparison.Ordinal) && Field(form, "file") == file, null, null, ("file", named));

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await File.ReadAllTextAsync(outside), Is.EqualTo(before));
        Assert.That(ReadReport(file)["closed"]!.GetValue<bool>(), Is.False);
    }

    [TestCase("/operator/reports/bar")]
    [TestCase("/operator/reports/dismiss")]
    [TestCase("/operator/bars/lift")]
    [TestCase("/operator/feedback/delete")]
    public async Task APostWithoutTheFormTokenChangesNothing(string action)
    {
        var report = WriteReport("hmac:FFFFFFFFFFFFFFFFFFFFFF");
        var feedback = WriteFeedback("keep me");
        using var http = Operator();

        using var answer = await http.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["file"] = action.Contains("feedback", StringComparison.Ordinal) ? feedback : report,
            ["person"] = "0",
            ["origin"] = "hmac:FFFFFFFFFFFFFFFFFFFFFF",
            ["length"] = "forgood",
        }));

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(ReadReport(report)["reported"]![0]!["bar"]!.GetValue<bool>() || ReadReport(report)["closed"]!.GetValue<bool>(), Is.False);
        Assert.That(File.Exists(Path.Combine(Feedback, feedback)), Is.True);
    }

    [Test]
    public async Task AReportWhoseBarStillHoldsIsNotReopenedUntilTheBarIsLifted()
    {
        var file = WriteReport("hmac:GGGGGGGGGGGGGGGGGGGGGG");
        using var http = Operator();
        await Press(http, "/operator/reports", BarForm(file), "length", "30days");
        var token = (await Page(http, "/operator/reports?show=closed")).QuerySelector("input[name=operatorToken]")!.GetAttribute("value")!;

        using var refused = await http.PostAsync("/operator/reports/reopen", new FormUrlEncodedContent(new Dictionary<string, string> { ["operatorToken"] = token, ["file"] = file }));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(Parser.ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")?.TextContent, Does.Contain("lift it"));
        Assert.That(ReadReport(file)["reported"]![0]!["bar"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task FeedbackIsPublishedHiddenRepliedToAndDeletedWithEachStepOnThePublicPageAtOnce()
    {
        var file = WriteFeedback("<b>the site is slow</b>");
        using var http = Operator();
        using var visitor = App.NewClient();
        bool Entry(IHtmlFormElement form, string action) => Action(form).EndsWith(action, StringComparison.Ordinal) && Field(form, "file") == file;

        await Press(http, "/operator/feedback", form => Entry(form, "/operator/feedback/publish"), null, null);
        Assert.That(ReadFeedback(file)["visible"]!.GetValue<bool>(), Is.True);
        Assert.That(await visitor.GetStringAsync("/feedback"), Does.Contain("&lt;b&gt;the site is slow&lt;/b&gt;"));
        await AssertAudited("publish", file);

        var empty = await Press(http, "/operator/feedback", form => Entry(form, "/operator/feedback/reply"), null, null, ("reply", "   "));
        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Parser.ParseDocument(await empty.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")?.TextContent, Does.Contain("Type a reply first"));

        await Press(http, "/operator/feedback", form => Entry(form, "/operator/feedback/reply"), null, null, ("reply", "We are on it."));
        Assert.That(ReadFeedback(file)["reply"]!.GetValue<string>(), Is.EqualTo("We are on it."));
        Assert.That(await visitor.GetStringAsync("/feedback"), Does.Contain("We are on it."));
        await AssertAudited("reply", file);

        await Press(http, "/operator/feedback", form => Entry(form, "/operator/feedback/hide"), null, null);
        Assert.That(ReadFeedback(file)["visible"]!.GetValue<bool>(), Is.False);
        Assert.That(await visitor.GetStringAsync("/feedback"), Does.Not.Contain("the site is slow"));
        await AssertAudited("hide", file);

        await Press(http, "/operator/feedback", form => Entry(form, "/operator/feedback/delete"), null, null);
        Assert.That(File.Exists(Path.Combine(Feedback, file)), Is.False);
        await AssertAudited("delete", file);
    }

    [Test]
    public async Task AnOperatorNoticeIsPublishedAtOnceAndOneTooLongIsRefusedWithItsTextKept()
    {
        using var http = Operator();
        using var visitor = App.NewClient();
        var tooLong = new string('n', 501);

        var refused = await Press(http, "/operator/feedback", form => Action(form).EndsWith("/notice", StringComparison.Ordinal), null, null, ("notice", tooLong));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.That(page.QuerySelector("[role=alert]")?.TextContent, Does.Contain("too long"));
        Assert.That(page.QuerySelector<IHtmlTextAreaElement>("#notice")?.Value, Is.EqualTo(tooLong));

        await Press(http, "/operator/feedback", form => Action(form).EndsWith("/notice", StringComparison.Ordinal), null, null, ("notice", "Maintenance at 23:00 UTC."));

        var file = Directory.GetFiles(Feedback, "*.json").Single();
        var written = ReadFeedback(Path.GetFileName(file));
        Assert.That(written["operator"]!.GetValue<bool>() && written["visible"]!.GetValue<bool>(), Is.True);
        var shown = Parser.ParseDocument(await visitor.GetStringAsync("/feedback"));
        Assert.That(shown.QuerySelector(".feedback-entry.operator .message")?.TextContent, Is.EqualTo("Maintenance at 23:00 UTC."));
        await AssertAudited("notice", Path.GetFileName(file));
    }

    private static Func<IHtmlFormElement, bool> BarForm(string file) =>
        form => Action(form).EndsWith("/operator/reports/bar", StringComparison.Ordinal) && Field(form, "file") == file && Field(form, "person") == "0";

    private static string Action(IHtmlFormElement form) => form.GetAttribute("action") ?? "";

    private static string? Field(IHtmlFormElement form, string name) => form.QuerySelector<IHtmlInputElement>($"input[name={name}]")?.Value;

    private HttpClient Operator() => ConsoleOperators.SignedIn(App);

    private HttpClient FromStranger() => App.NewClient(Stranger);

    private static async Task<IHtmlDocument> Page(HttpClient http, string path)
    {
        using var answer = await http.GetAsync(path);
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return Parser.ParseDocument(await answer.Content.ReadAsStringAsync());
    }

    /// <summary>Opens <paramref name="path"/>, takes the form <paramref name="which"/> picks and posts it as a browser would (its fields, the button pressed, what was typed).</summary>
    private static async Task<HttpResponseMessage> Press(HttpClient http, string path, Func<IHtmlFormElement, bool> which, string? button, string? value, params (string Name, string Value)[] typed)
    {
        var page = await Page(http, path);
        var form = page.Forms.FirstOrDefault(which) ?? throw new AssertionException($"No such form on {path}");
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[name]").Where(input => input.Type != "date" || typed.All(t => t.Name != input.Name)).Select(input => (input.Name!, input.Value)).ToList();
        fields.AddRange(form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]").Where(area => typed.All(t => t.Name != area.Name)).Select(area => (area.Name!, area.Value)));
        fields = fields.Where(field => typed.All(t => t.Name != field.Item1)).ToList();
        fields.AddRange(typed);
        if (button is not null)
        {
            fields.Add((button, value!));
        }

        return await http.PostAsync(Action(form), new FormUrlEncodedContent(fields.Select(field => new KeyValuePair<string, string>(field.Item1, field.Item2))));
    }

    private async Task AssertAudited(string action, string file)
    {
        var recent = await App.Services.GetRequiredService<IOperatorAudit>().RecentAsync(20);
        Assert.That(recent.Any(entry => entry.Operator == ConsoleOperators.Moderator && entry.Action == action && entry.Detail.Contains(file, StringComparison.Ordinal)), Is.True, $"an audit line: {ConsoleOperators.Moderator}, {action}, {file}");
    }

    private string StrangerOrigin() => App.Services.GetRequiredService<OriginHashes>().Of(new Origin("address:" + Stranger));

    private string WriteReport(string origin, params string[] lines)
    {
        Directory.CreateDirectory(Reports);
        var name = $"20261205-220000-{Guid.NewGuid():N}.json";
        var texts = lines.Length == 0 ? ["Stranger: go away"] : lines;
        File.WriteAllText(Path.Combine(Reports, name), new JsonObject
        {
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["datetime"] = "now",
            ["mode"] = "Two",
            ["reported"] = new JsonArray(new JsonObject { ["name"] = "Stranger", ["origin"] = origin, ["bar"] = false, ["barredUntil"] = null }),
            ["lines"] = new JsonArray(texts.Select(text => (JsonNode)new JsonObject { ["at"] = "2026-12-05T22:00:00+00:00", ["text"] = text }).ToArray()),
            ["closed"] = false,
        }.ToJsonString());
        return name;
    }

    private string WriteFeedback(string message)
    {
        Directory.CreateDirectory(Feedback);
        var name = $"20261205-220000-{Guid.NewGuid():N}.json";
        File.WriteAllText(Path.Combine(Feedback, name), new JsonObject
        {
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["datetime"] = "now",
            ["message"] = message,
            ["visible"] = false,
            ["reply"] = null,
            ["operator"] = false,
        }.ToJsonString());
        return name;
    }

    private JsonNode ReadReport(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Reports, name)))!;

    private JsonNode ReadFeedback(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Feedback, name)))!;
}
