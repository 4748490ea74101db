using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Tests.Support;
using Remandzana.Web.Reports;

namespace Remandzana.Tests.Web;

[Category("Web")]
public sealed class ReportsOverHttp
{
    private const string Hostile = "<b>buy</b> & \"click\" <script>alert(1)</script>";

    private static readonly IPAddress StrangerAddress = IPAddress.Parse("127.0.0.2");

    private static string ReportsFolder(RemandzanaApp app) => Path.Combine(app.Folder, "reports");

    [Test]
    public async Task AReportStoresTheLinesTheReporterSawAndThePartnersOriginAndThanksTheReporter()
    {
        await using var app = new RemandzanaApp();
        using var counted = new ReportCounter(app);
        var (reporter, stranger) = await app.OpenPair(secondFrom: StrangerAddress);
        await using var _ = reporter;
        await using var __ = stranger;
        await stranger.Send(Hostile);
        await reporter.Send("please stop");
        await reporter.WaitForLine("You: please stop");

        var answer = await reporter.Report();

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reporter.LastAnswer.QuerySelector(".reported")?.TextContent, Is.EqualTo(Notices.ReportThanks));
        Assert.That(reporter.LastAnswer.QuerySelector("input[name=message]")?.HasAttribute("disabled"), Is.True);
        await reporter.WaitForLine(Notices.ReportThanks);
        await reporter.WaitForEnd();
        await stranger.WaitForLine(Notices.StrangerLeft);
        Assert.That(reporter.Page.QuerySelector("nav a.start-over[href='/two']"), Is.Not.Null, "the bar's New conversation link starts over");

        var file = Directory.GetFiles(ReportsFolder(app), "*.json").Single();
        var raw = await File.ReadAllTextAsync(file);
        using var report = JsonDocument.Parse(raw);
        var root = report.RootElement;
        var lines = root.GetProperty("lines").EnumerateArray().Select(line => line.GetProperty("text").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("mode").GetString(), Is.EqualTo("Two"));
            Assert.That(root.GetProperty("closed").GetBoolean(), Is.False);
            Assert.That(root.GetProperty("reported").GetArrayLength(), Is.EqualTo(1));
            Assert.That(root.GetProperty("reported")[0].GetProperty("name").GetString(), Is.EqualTo("Stranger"));
            Assert.That(root.GetProperty("reported")[0].GetProperty("origin").GetString(), Is.EqualTo(HashOf(app, StrangerAddress)), "a keyed hash of the stranger's origin");
            Assert.That(raw, Does.Not.Contain("127.0.0.2").And.Not.Contain("address:").And.Not.Contain("127.0.0.1"), "no address of anyone");
            Assert.That(root.GetProperty("reported")[0].GetProperty("bar").GetBoolean(), Is.False);
            Assert.That(lines, Is.EqualTo(new[] { Notices.LookingForStranger, Notices.FoundStranger, "Stranger: " + Hostile, "You: please stop" }), "as the reporter saw them, the thanks not included");
            Assert.That(raw, Does.Not.Contain("&lt;").And.Not.Contain("<script>"), "the text is stored as JSON text, escaped, never as markup");
            Assert.That(counted.Total, Is.EqualTo(1), "remandzana.reports counted it");
        });
    }

    [Test]
    public async Task TheDebugViewListsOpenReportsUntilTheOperatorClosesThem()
    {
        await using var app = new RemandzanaApp();
        var (reporter, stranger) = await app.OpenPair(secondFrom: StrangerAddress);
        await using var _ = reporter;
        await using var __ = stranger;
        await reporter.Report();
        using var http = app.NewClient();

        using var open = JsonDocument.Parse(await DebugView.Read(http, app));
        var file = Directory.GetFiles(ReportsFolder(app), "*.json").Single();
        await EditReport(file, report => report["closed"] = true);
        using var closed = JsonDocument.Parse(await DebugView.Read(http, app));

        var listed = open.RootElement.GetProperty("reports").EnumerateArray().ToList();
        Assert.That(listed, Has.Count.EqualTo(1));
        Assert.That(listed[0].GetProperty("file").GetString(), Is.EqualTo(Path.GetFileName(file)));
        Assert.That(listed[0].GetProperty("report").GetProperty("reported")[0].GetProperty("origin").GetString(), Is.EqualTo(HashOf(app, StrangerAddress)));
        Assert.That(closed.RootElement.GetProperty("reports").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task AnOriginTheOperatorBarredGets403ChatPagesUntilTheBarEnds()
    {
        await using var app = new RemandzanaApp();
        var (reporter, stranger) = await app.OpenPair(secondFrom: StrangerAddress);
        await using var _ = reporter;
        await using var __ = stranger;
        await reporter.Report();
        await stranger.WaitForEnd();
        var file = Directory.GetFiles(ReportsFolder(app), "*.json").Single();
        var until = new DateTimeOffset(2099, 1, 2, 3, 4, 0, TimeSpan.Zero);

        await EditReport(file, report => report["reported"]![0]!["barredUntil"] = until.ToString("O"));
        await app.Services.GetRequiredService<Bars>().Refresh(CancellationToken.None);

        using var barredHttp = app.NewClient(StrangerAddress);
        using var barred = await barredHttp.GetAsync("/two", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(barred.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await barred.Content.ReadAsStringAsync());
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("You are barred from chatting"));
        Assert.That(page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent, Does.Contain("barred").And.Contain("until 2099-01-02 03:04 UTC"));
        await using var reporterAgain = await app.OpenChat("/two");
        Assert.That(reporterAgain.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the reporter is not barred");

        await EditReport(file, report => report["reported"]![0]!["barredUntil"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"));
        await app.Services.GetRequiredService<Bars>().Refresh(CancellationToken.None);
        await using var afterTheBar = await app.OpenChat("/two", StrangerAddress);
        Assert.That(afterTheBar.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a bar that ended bars nobody");
    }

    [Test]
    public async Task BarTrueBarsForTheConfiguredDaysFromTheReport()
    {
        await using var app = new RemandzanaApp();
        var (reporter, stranger) = await app.OpenPair(secondFrom: StrangerAddress);
        await using var _ = reporter;
        await using var __ = stranger;
        await reporter.Report();
        await stranger.WaitForEnd();
        var file = Directory.GetFiles(ReportsFolder(app), "*.json").Single();

        var reportedAt = DateTimeOffset.FromUnixTimeSeconds(JsonNode.Parse(await File.ReadAllTextAsync(file))!["timestamp"]!.GetValue<long>());
        await EditReport(file, report => report["reported"]![0]!["bar"] = true);
        await app.Services.GetRequiredService<Bars>().Refresh(CancellationToken.None);

        using var barredHttp = app.NewClient(StrangerAddress);
        using var barred = await barredHttp.GetAsync("/any", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(barred.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await barred.Content.ReadAsStringAsync(), Does.Contain($"until {reportedAt.AddDays(30).UtcDateTime:yyyy-MM-dd HH:mm} UTC"));
    }

    [Test]
    public async Task AForgedOrMissingTokenReportsNothing()
    {
        await using var app = new RemandzanaApp();
        await using var person = await app.OpenChat("/two");
        await person.WaitForLine(Notices.LookingForStranger);

        var forged = await person.Report(token: "CfDJ8forged");
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(person.LastAnswer.QuerySelector(".reported")?.TextContent, Does.Contain("not valid").And.Contain("nothing was reported"));

        using var http = app.NewClient();
        var missing = await http.PostAsync("/report", new FormUrlEncodedContent(new Dictionary<string, string> { ["other"] = "x" }));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Directory.Exists(ReportsFolder(app)) ? Directory.GetFiles(ReportsFolder(app)) : [], Is.Empty);
    }

    [Test]
    public async Task SomeoneStillWaitingIsToldThereIsNobodyToReportAndKeepsWaiting()
    {
        await using var app = new RemandzanaApp();
        await using var person = await app.OpenChat("/two");
        await person.WaitForLine(Notices.LookingForStranger);

        var answer = await person.Report();

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(person.Form.QuerySelector(".error")?.TextContent, Is.EqualTo(Notices.NobodyToReport));
        Assert.That(person.Form.QuerySelector("form.report input[name=token]"), Is.Not.Null, "the form comes back usable");
        await using var stranger = await app.OpenChat("/two");
        await person.WaitForLine(Notices.FoundStranger);
    }

    [Test]
    public async Task InGlobalChatAReportNamesOnlyThoseWhoSpokeInItsLines()
    {
        await using var app = new RemandzanaApp();
        await using var early = await app.OpenChat("/global", Neighbour(2));
        await early.WaitForLine("Welcome to global chat");
        await early.Send("said before the reporter came");
        await early.WaitForLine("said before the reporter came");
        await using var reporter = await app.OpenChat("/global");
        await reporter.WaitForLine("Welcome to global chat");
        await using var talker = await app.OpenChat("/global", Neighbour(3));
        await using var silent = await app.OpenChat("/global", Neighbour(4));
        await using var commander = await app.OpenChat("/global", Neighbour(5));
        await commander.WaitForLine("Welcome to global chat. 5 people");
        await commander.Send("/ping");
        await talker.Send("I am the one talking");
        await reporter.WaitForLine("Anonymous: I am the one talking");

        await reporter.Report();

        var raw = await File.ReadAllTextAsync(Directory.GetFiles(ReportsFolder(app), "*.json").Single());
        var reported = JsonNode.Parse(raw)!["reported"]!.AsArray().Select(person => (string?)person!["origin"]).ToList();
        Assert.That(reported, Is.EqualTo(new[] { HashOf(app, Neighbour(3)) }), "not the silent, not the one who only typed a command, not someone whose words the reporter never saw");
        Assert.That(raw, Does.Not.Contain("127.0.0."));
    }

    [Test]
    public async Task AnOldReportNamingARawAddressStillBarsItAndIsRewrittenWithTheHash()
    {
        await using var app = new RemandzanaApp();
        var folder = Directory.CreateDirectory(ReportsFolder(app)).FullName;
        var file = Path.Combine(folder, "old.json");
        await File.WriteAllTextAsync(file, $$"""
            { "timestamp": {{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}, "datetime": "then", "mode": "Two",
              "reported": [ { "name": "Stranger", "origin": "address:127.0.0.2", "bar": true, "barredUntil": null },
                            { "name": "Bob", "origin": "pass:a-secret-pass-id", "bar": false, "barredUntil": null } ],
              "lines": [], "closed": false }
            """);

        await app.Services.GetRequiredService<Bars>().Refresh(CancellationToken.None);

        using var barredHttp = app.NewClient(StrangerAddress);
        using var barred = await barredHttp.GetAsync("/two", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(barred.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the hand-written bar holds");
        var rewritten = await File.ReadAllTextAsync(file);
        Assert.That(rewritten, Does.Not.Contain("127.0.0.2").And.Not.Contain("a-secret-pass-id"), "neither the address nor the pass is left on disk");
        Assert.That((string?)JsonNode.Parse(rewritten)!["reported"]![1]!["origin"], Is.EqualTo(app.Services.GetRequiredService<OriginHashes>().Of(new Origin("pass:a-secret-pass-id"))));
        Assert.That((string?)JsonNode.Parse(rewritten)!["reported"]![0]!["origin"], Is.EqualTo(HashOf(app, StrangerAddress)));
        Assert.That((bool?)JsonNode.Parse(rewritten)!["reported"]![0]!["bar"], Is.True, "the operator's decision is kept");
    }

    [Test]
    public async Task AGlobalRoomFullOf500EmojiLinesIsReportedWholeShowsInTheDebugViewAndItsBarApplies()
    {
        // Ten lines of 500 emoji: about 20 KB as UTF-8, 60 KB with every emoji escaped as \uXXXX\uXXXX.
        await using var app = new RemandzanaApp(new Dictionary<string, string?>
        {
            ["Remandzana:Reports:Lines"] = "10",
            ["Remandzana:Reports:MaxFileBytes"] = "32768",
        });
        await using var reporter = await app.OpenChat("/global");
        await using var sender = await app.OpenChat("/global", StrangerAddress);
        await using var third = await app.OpenChat("/global", Neighbour(3));
        await using var fourth = await app.OpenChat("/global", Neighbour(4));
        await fourth.WaitForLine("Welcome to global chat. 4 people");
        var lines = Enumerable.Range(0, 10).Select(i => string.Concat(Enumerable.Repeat(char.ConvertFromUtf32(0x1F600 + i), 500))).ToList();
        foreach (var line in lines)
        {
            Assert.That((await sender.Send(line)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await reporter.WaitForLine(lines[^1]);

        await reporter.Report();

        var file = Directory.GetFiles(ReportsFolder(app), "*.json").Single();
        var raw = await File.ReadAllTextAsync(file);
        Assert.That(new FileInfo(file).Length, Is.LessThanOrEqualTo(32768));
        Assert.That(raw, Does.Contain(lines[0]), "written as UTF-8, not escaped");
        Assert.That(JsonNode.Parse(raw)!["lines"]!.AsArray().Select(line => (string?)line!["text"]), Is.EqualTo(lines.Select(line => "Anonymous: " + line)), "every line the reporter saw");
        var listed = (await DebugReports(app)).Single();
        Assert.That(listed.GetProperty("file").GetString(), Is.EqualTo(Path.GetFileName(file)), "it shows in /debug");

        await EditReport(file, report => report["reported"]![0]!["bar"] = true);
        await app.Services.GetRequiredService<Bars>().Refresh(CancellationToken.None);
        using var barredHttp = app.NewClient(StrangerAddress);
        using var barred = await barredHttp.GetAsync("/global", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(barred.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "its bar applies");
    }

    [Test]
    public async Task AReportIsAlwaysWrittenWithinMaxFileBytesItsOldestLinesDropped()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Reports:MaxFileBytes"] = "16384" });
        var (reporter, stranger) = await app.OpenPair(secondFrom: StrangerAddress);
        await using var _ = reporter;
        await using var __ = stranger;
        for (var i = 0; i < 40; i++)
        {
            await stranger.Send($"{i:D2} " + new string('"', 400));
        }

        await reporter.WaitForLine("39 ");

        await reporter.Report();

        var file = Directory.GetFiles(ReportsFolder(app), "*.json").Single();
        var texts = JsonNode.Parse(await File.ReadAllTextAsync(file))!["lines"]!.AsArray().Select(line => (string)line!["text"]!).ToList();
        Assert.That(new FileInfo(file).Length, Is.LessThanOrEqualTo(16384));
        Assert.That(texts, Is.Not.Empty);
        Assert.That(texts[^1], Does.StartWith("Stranger: 39 "), "the newest lines are kept, the oldest dropped");
        Assert.That(app.Services.GetRequiredService<ReportStore>().Open(), Has.Count.EqualTo(1), "and the report is read back");
    }

    [Test]
    public async Task BeyondMaxFilesAReportIsRefusedTheConversationGoesOnAndTheOperatorsOwnFilesStillLoad()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Reports:MaxFiles"] = "2" });
        var folder = Directory.CreateDirectory(ReportsFolder(app)).FullName;
        foreach (var name in new[] { "mine-1.json", "mine-2.json", "mine-3.json" })
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), """{ "timestamp": 1764666000, "datetime": "x", "mode": "Two", "reported": [], "lines": [], "closed": false }""");
        }

        // The files the operator adds count from the next rescan (every RescanSeconds).
        await app.Services.GetRequiredService<Bars>().Refresh(CancellationToken.None);
        var (reporter, stranger) = await app.OpenPair(secondFrom: StrangerAddress);
        await using var _ = reporter;
        await using var __ = stranger;

        var answer = await reporter.Report();

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(reporter.Form.QuerySelector(".error")?.TextContent, Does.Contain("too many reports").And.Contain("nothing was reported"));
        Assert.That(reporter.Form.QuerySelector("input[name=message]")?.HasAttribute("disabled"), Is.False, "the form comes back usable");
        await stranger.Send("still here");
        await reporter.WaitForLine("Stranger: still here");
        Assert.That(Directory.GetFiles(folder, "*.json"), Has.Length.EqualTo(3), "nothing was written");
        Assert.That(app.Services.GetRequiredService<ReportStore>().Open().Select(view => view.File), Is.EquivalentTo(new[] { "mine-1.json", "mine-2.json", "mine-3.json" }));
        Assert.That(app.Logs.Entries.Where(entry => entry.Level == LogLevel.Warning).Select(entry => entry.Message), Has.Some.Contains("Report refused"));
    }

    private static IPAddress Neighbour(int last) => IPAddress.Parse($"127.0.0.{last}");

    private static string HashOf(RemandzanaApp app, IPAddress address) =>
        app.Services.GetRequiredService<OriginHashes>().Of(new Origin("address:" + address));

    /// <summary>The reports /debug lists, read with a fresh key from the log, posted in its form.</summary>
    private static async Task<List<JsonElement>> DebugReports(RemandzanaApp app)
    {
        using var http = app.NewClient();
        using var debug = JsonDocument.Parse(await DebugView.Read(http, app));
        return debug.RootElement.GetProperty("reports").EnumerateArray().Select(element => element.Clone()).ToList();
    }

    private static async Task EditReport(string file, Action<JsonNode> edit)
    {
        var report = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        edit(report);
        // As an editor would keep it: UTF-8 text, not every emoji escaped.
        await File.WriteAllTextAsync(file, report.ToJsonString(new JsonSerializerOptions { Encoder = Remandzana.Web.Storage.FileJsonEncoder.Instance }));
    }

    /// <summary>Listens to the app's own "Remandzana" meter for remandzana.reports.</summary>
    private sealed class ReportCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public ReportCounter(RemandzanaApp app)
        {
            var meters = app.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Remandzana" && instrument.Meter.Scope == meters && instrument.Name == "remandzana.reports")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
