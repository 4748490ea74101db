using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

[Category("Web")]
public sealed class FeedbackOverHttp
{
    private static readonly HtmlParser Parser = new();

    [Test]
    public async Task ASubmissionCreatesExactlyOneWellFormedFileInAFolderCreatedForIt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1634000000));
        await using var app = new RemandzanaApp(clock: clock);
        var folder = Path.Combine(app.Folder, "feedback");
        Assert.That(Directory.Exists(folder), Is.False);
        using var http = app.NewClient();

        var (status, page) = await Post(http, "  The site is great!  ");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Thank you"));
        Assert.That(page.QuerySelector("main a[href='/']"), Is.Not.Null, "a link home");
        var files = Directory.GetFiles(folder);
        Assert.That(files, Has.Length.EqualTo(1), "one file and no temporary left behind");
        Assert.That(files[0], Does.EndWith(".json"));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(files[0]));
        var root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.EnumerateObject().Select(property => property.Name), Is.EqualTo(new[] { "timestamp", "datetime", "message", "visible", "reply", "operator" }));
            Assert.That(root.GetProperty("timestamp").GetInt64(), Is.EqualTo(1634000000));
            Assert.That(root.GetProperty("datetime").GetString(), Is.EqualTo("2021-10-12 00:53:20"));
            Assert.That(root.GetProperty("message").GetString(), Is.EqualTo("The site is great!"));
            Assert.That(root.GetProperty("visible").GetBoolean(), Is.False);
            Assert.That(root.GetProperty("reply").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("operator").GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task TwoHundredConcurrentSubmissionsCreateTwoHundredDistinctValidFiles()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Feedback:RateLimitPermits"] = "1000" });
        using var http = app.NewClient();
        var messages = Enumerable.Range(0, 200).Select(i => $"feedback number {i}").ToList();

        var answers = await Task.WhenAll(messages.Select(message => Post(http, message)));

        Assert.That(answers.Select(answer => answer.Status), Is.All.EqualTo(HttpStatusCode.OK));
        var files = Directory.GetFiles(Path.Combine(app.Folder, "feedback"));
        Assert.That(files, Has.Length.EqualTo(200));
        var stored = files.Select(file =>
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            return json.RootElement.GetProperty("message").GetString();
        }).ToList();
        Assert.That(stored, Is.EquivalentTo(messages), "every submission, once each");
    }

    [Test]
    public async Task VisibleEntriesShowNewestFirstWithTheirReplyAndOperatorNoticesStandOut()
    {
        await using var app = new RemandzanaApp();
        WriteEntry(app, "a.json", 1634000000, "Please add a dark theme.", visible: true, reply: "Done, enjoy!");
        WriteEntry(app, "b.json", 1634100000, "Maintenance tonight at 22:00.", visible: true, isOperator: true);
        WriteEntry(app, "c.json", 1634200000, "A secret nobody should see.", visible: false);
        using var http = app.NewClient();

        var page = Parser.ParseDocument(await http.GetStringAsync("/feedback"));

        var entries = page.QuerySelectorAll("article.feedback-entry");
        Assert.That(entries, Has.Length.EqualTo(2), "hidden entries are not shown");
        Assert.Multiple(() =>
        {
            Assert.That(entries[0].ClassList, Does.Contain("operator"));
            Assert.That(entries[0].QuerySelector(".notice-label")?.TextContent, Is.EqualTo("Operator notice"));
            Assert.That(entries[0].QuerySelector(".message")?.TextContent, Is.EqualTo("Maintenance tonight at 22:00."));
            Assert.That(entries[0].QuerySelector(".reply"), Is.Null, "no reply, no reply line");
            Assert.That(entries[0].QuerySelector("time")?.TextContent, Is.EqualTo("2021-10-13 04:40 UTC"));
            Assert.That(entries[1].ClassList, Does.Not.Contain("operator"));
            Assert.That(entries[1].QuerySelector(".notice-label"), Is.Null);
            Assert.That(entries[1].QuerySelector(".message")?.TextContent, Is.EqualTo("Please add a dark theme."));
            Assert.That(entries[1].QuerySelector(".reply-text")?.TextContent, Is.EqualTo("Done, enjoy!"));
            Assert.That(entries[1].QuerySelector("time")?.TextContent, Is.EqualTo("2021-10-12 00:53 UTC"));
            Assert.That(page.Body!.TextContent, Does.Not.Contain("A secret"));
        });
    }

    [Test]
    public async Task MarkupInAMessageOrAReplyIsShownAsText()
    {
        await using var app = new RemandzanaApp();
        const string message = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        const string reply = "</p><script>alert(3)</script> & \"quotes\"";
        WriteEntry(app, "hostile.json", 1634000000, message, visible: true, reply: reply);
        using var http = app.NewClient();

        var page = Parser.ParseDocument(await http.GetStringAsync("/feedback"));

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("article .message")?.TextContent, Is.EqualTo(message));
            Assert.That(page.QuerySelector("article .reply-text")?.TextContent, Is.EqualTo(reply));
            Assert.That(page.QuerySelectorAll("script, img"), Is.Empty);
        });
    }

    [Test]
    public async Task BrokenAndOversizedFilesAreSkippedWithALogLineWhileThePageStillRenders()
    {
        await using var app = new RemandzanaApp();
        var folder = Directory.CreateDirectory(Path.Combine(app.Folder, "feedback")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.json"), "{ \"timestamp\": 1634000000, \"message\": ");
        await File.WriteAllTextAsync(Path.Combine(folder, "wrong-shape.json"), "{ \"message\": \"no other fields\", \"visible\": true }");
        await File.WriteAllTextAsync(Path.Combine(folder, "null-message.json"), "{ \"timestamp\": 1, \"datetime\": \"x\", \"message\": null, \"visible\": true, \"reply\": null, \"operator\": false }");
        WriteEntry(app, "oversized.json", 1634000000, new string('x', 17 * 1024), visible: true);
        WriteEntry(app, "good.json", 1634000000, "I am fine.", visible: true);
        using var http = app.NewClient();

        var response = await http.GetAsync("/feedback");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.That(page.QuerySelectorAll("article .message").Select(message => message.TextContent), Is.EqualTo(new[] { "I am fine." }));
        var warnings = app.Logs.Entries.Where(entry => entry.Level == LogLevel.Warning && entry.Category.EndsWith("FeedbackStore", StringComparison.Ordinal)).Select(entry => entry.Message).ToList();
        foreach (var skipped in new[] { "broken.json", "wrong-shape.json", "null-message.json", "oversized.json" })
        {
            Assert.That(warnings, Has.One.Contains(skipped), $"{skipped} is skipped with a log line");
        }
    }

    [Test]
    public async Task EmptyOrOverlongFeedbackComesBackWithTheErrorAndTheTextKept()
    {
        await using var app = new RemandzanaApp();
        using var http = app.NewClient();
        var overlong = new string('y', 501);

        var (emptyStatus, empty) = await Post(http, "   ");
        var (longStatus, tooLong) = await Post(http, overlong);

        Assert.Multiple(() =>
        {
            Assert.That(emptyStatus, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(empty.QuerySelector("form .error")?.TextContent, Is.EqualTo("Type your feedback first."));
            Assert.That(longStatus, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(tooLong.QuerySelector("form .error")?.TextContent, Does.Contain("at most 500 characters"));
            Assert.That(tooLong.QuerySelector("form textarea[name=message]")?.TextContent, Is.EqualTo(overlong));
            Assert.That(Directory.Exists(Path.Combine(app.Folder, "feedback")), Is.False, "nothing was stored");
        });
    }

    [Test]
    public async Task SubmittingTooOftenFromOneAddressAnswers429WithAFriendlyPage()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?>
        {
            ["Remandzana:Feedback:RateLimitPermits"] = "2",
            ["Remandzana:Feedback:RateLimitWindowSeconds"] = "3600",
        });
        using var http = app.NewClient();

        var first = await Post(http, "one");
        var second = await Post(http, "two");
        var third = await Post(http, "three");

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(third.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(third.Page.QuerySelector("h1")?.TextContent, Is.EqualTo("Slow down"));
            Assert.That(Directory.GetFiles(Path.Combine(app.Folder, "feedback")), Has.Length.EqualTo(2));
        });
        Assert.That((await http.GetAsync("/feedback")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "reading is never limited");
    }

    [Test]
    public async Task BeyondMaxFilesFeedbackIsRefusedWithAPageThatKeepsTheTextAndTheOperatorsOwnFilesStillShow()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Feedback:MaxFiles"] = "2" });
        WriteEntry(app, "notice.json", 1634000000, "Operator notice: maintenance tonight.", visible: true, isOperator: true);
        WriteEntry(app, "old.json", 1634000001, "An old one.", visible: false);
        WriteEntry(app, "more.json", 1634000002, "Also shown.", visible: true);
        using var http = app.NewClient();

        var (status, page) = await Post(http, "Please read me");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(page.QuerySelector("form .error")?.TextContent, Does.Contain("too much feedback").And.Contain("could not be kept"));
            Assert.That(page.QuerySelector("form textarea[name=message]")?.TextContent, Is.EqualTo("Please read me"), "the typed text is kept");
            Assert.That(page.QuerySelectorAll("article .message").Select(message => message.TextContent), Is.EqualTo(new[] { "Also shown.", "Operator notice: maintenance tonight." }), "the operator's files, beyond the limit, still load");
            Assert.That(Directory.GetFiles(Path.Combine(app.Folder, "feedback")), Has.Length.EqualTo(3), "nothing was written");
            Assert.That(app.Logs.Entries.Where(entry => entry.Level == LogLevel.Warning).Select(entry => entry.Message), Has.Some.Contains("Feedback refused"));
        });

        var (german, inGerman) = await Post(http, "Bitte lesen", "/feedback?lang=de");
        Assert.That(german, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(inGerman.QuerySelector("form .error")?.TextContent, Does.Contain("zu viele Rückmeldungen"), "translated");
    }

    [Test]
    public async Task AnEditShowsAfterARescanWhileReadersAreServedFromMemory()
    {
        await using var app = new RemandzanaApp();
        WriteEntry(app, "a.json", 1634000000, "First.", visible: true);
        using var http = app.NewClient();
        var before = Parser.ParseDocument(await http.GetStringAsync("/feedback"));
        WriteEntry(app, "b.json", 1634000001, "Second.", visible: true);
        File.Delete(Path.Combine(app.Folder, "feedback", "a.json"));

        var stale = Parser.ParseDocument(await http.GetStringAsync("/feedback"));
        app.Services.GetRequiredService<Remandzana.Web.Feedback.FeedbackStore>().Rescan();
        var after = Parser.ParseDocument(await http.GetStringAsync("/feedback"));

        Assert.Multiple(() =>
        {
            Assert.That(before.QuerySelectorAll("article .message").Select(message => message.TextContent), Is.EqualTo(new[] { "First." }));
            Assert.That(stale.QuerySelectorAll("article .message").Select(message => message.TextContent), Is.EqualTo(new[] { "First." }), "a reader never makes the site read its folder again");
            Assert.That(after.QuerySelectorAll("article .message").Select(message => message.TextContent), Is.EqualTo(new[] { "Second." }), "the rescan saw the new file and the deleted one");
        });
    }

    private static async Task<(HttpStatusCode Status, IDocument Page)> Post(HttpClient http, string message, string path = "/feedback")
    {
        using var response = await http.PostAsync(path, new FormUrlEncodedContent([new("message", message)]));
        return (response.StatusCode, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    private static void WriteEntry(RemandzanaApp app, string name, long timestamp, string message, bool visible, string? reply = null, bool isOperator = false)
    {
        var folder = Directory.CreateDirectory(Path.Combine(app.Folder, "feedback")).FullName;
        var entry = new Dictionary<string, object?>
        {
            ["timestamp"] = timestamp,
            ["datetime"] = DateTimeOffset.FromUnixTimeSeconds(timestamp).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            ["message"] = message,
            ["visible"] = visible,
            ["reply"] = reply,
            ["operator"] = isOperator,
        };
        File.WriteAllText(Path.Combine(folder, name), JsonSerializer.Serialize(entry));
    }
}
