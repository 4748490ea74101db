using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Moderation;
using Remandzana.Web.Feedback;
using Remandzana.Web.Options;
using Remandzana.Web.Reports;

namespace Remandzana.Tests.Web;

/// <summary>
/// What the console decides is written back to the report and feedback files, from each file as it
/// is on disk (a hand edit made since the last rescan stays), and only to files the folder lists.
/// </summary>
[Category("Web")]
public sealed class ConsoleDecisionsInFiles
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 22, 30, 0, TimeSpan.Zero);

    private string _folder = "";
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void MakeFolder()
    {
        _folder = Directory.CreateTempSubdirectory("remandzana-console-").FullName;
        Directory.CreateDirectory(Path.Combine(_folder, "reports"));
        Directory.CreateDirectory(Path.Combine(_folder, "feedback"));
        _clock = new FakeTimeProvider(Now);
    }

    [TearDown]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void ABarIsWrittenIntoTheReportWithWhoSetItAndHoldsUntilThen()
    {
        var store = Reports();
        WriteReport("a.json", closed: false);
        store.Listed(closed: false);

        var until = Now.AddDays(1);
        Assert.That(store.Bar("a.json", 1, Origin(1), until, "alice"), Is.Not.Null);

        var file = ReadReport("a.json");
        Assert.Multiple(() =>
        {
            Assert.That(file["reported"]![1]!["bar"]!.GetValue<bool>(), Is.True);
            Assert.That(file["reported"]![1]!["barredUntil"]!.GetValue<DateTimeOffset>(), Is.EqualTo(until));
            Assert.That(file["reported"]![1]!["barredBy"]!.GetValue<string>(), Is.EqualTo("alice"));
            Assert.That(file["reported"]![0]!["bar"]!.GetValue<bool>(), Is.False, "each name separately");
            Assert.That(file["reported"]![0]!.AsObject().ContainsKey("barredBy"), Is.False, "no field added where nobody barred");
            Assert.That(store.Bars(Now).Select(bar => bar.Origin), Is.EqualTo(new[] { Origin(1) }));
            Assert.That(store.Listed(closed: true).Select(report => report.File), Does.Contain("a.json"), "a bar decided closes the report");
        });
    }

    [Test]
    public void ABarForGoodIsWrittenAsTheLastDayOfTheCalendarAndStillHoldsAfterAHandEditReadsItAgain()
    {
        var store = Reports();
        WriteReport("a.json", closed: false);
        store.Listed(closed: false);

        store.Bar("a.json", 0, Origin(0), BarTerm.ForGood, "alice");

        Assert.That(ReadReport("a.json")["reported"]![0]!["barredUntil"]!.GetValue<string>(), Does.StartWith("9999-12-31T00:00:00"));
        Assert.That(Reports().Bars(Now.AddYears(500)).Select(bar => bar.Origin), Is.EqualTo(new[] { Origin(0) }), "another instance reading the file cold");
    }

    [Test]
    public void AHandEditMadeSinceTheLastRescanIsKeptByTheConsolesWrite()
    {
        var store = Reports();
        WriteReport("a.json", closed: false);
        store.Listed(closed: false);
        var edited = ReadReport("a.json");
        edited["reported"]![0]!["barredUntil"] = "2027-03-01T00:00:00+00:00";
        File.WriteAllText(Path.Combine(_folder, "reports", "a.json"), edited.ToJsonString());

        store.Dismiss("a.json");

        var file = ReadReport("a.json");
        Assert.That(file["closed"]!.GetValue<bool>(), Is.True);
        Assert.That(file["reported"]![0]!["barredUntil"]!.GetValue<string>(), Does.StartWith("2027-03-01"), "the hand edit is still there");
    }

    [Test]
    public void LiftingEndsTheBarNowAndKeepsWhatWasDecided()
    {
        var store = Reports();
        WriteReport("a.json", closed: false);
        store.Listed(closed: false);
        store.Bar("a.json", 0, Origin(0), Now.AddDays(30), "alice");
        Assert.That(store.InForce(Now).Select(bar => (bar.File, bar.Person, bar.BarredBy)), Is.EqualTo(new[] { ("a.json", 0, (string?)"alice") }));

        store.Lift("a.json", 0, Origin(0), "bob");

        Assert.That(store.InForce(Now), Is.Empty);
        Assert.That(store.Bars(Now), Is.Empty);
        Assert.That(ReadReport("a.json")["reported"]![0]!["barredUntil"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Now));
    }

    [Test]
    public void ReopeningForgetsTheBarsThatEndedAndLeavesTheReportOpen()
    {
        var store = Reports();
        WriteReport("a.json", closed: true);
        store.Listed(closed: true);
        store.Bar("a.json", 0, Origin(0), Now.AddDays(1), "alice");
        _clock.Advance(TimeSpan.FromDays(2));

        store.Reopen("a.json");

        var file = ReadReport("a.json");
        Assert.That(file["closed"]!.GetValue<bool>(), Is.False);
        Assert.That(file["reported"]![0]!["bar"]!.GetValue<bool>(), Is.False);
        Assert.That(file["reported"]![0]!["barredUntil"], Is.Null);
        Assert.That(store.Listed(closed: false).Select(report => report.File), Is.EqualTo(new[] { "a.json" }));
    }

    [Test]
    public void OpenReportsAreListedNewestFirst()
    {
        var store = Reports();
        WriteReport("old.json", closed: false, timestamp: 1764666000);
        WriteReport("new.json", closed: false, timestamp: 1764667000);
        WriteReport("shut.json", closed: true, timestamp: 1764668000);

        Assert.That(store.Listed(closed: false).Select(report => report.File), Is.EqualTo(new[] { "new.json", "old.json" }));
        Assert.That(store.Listed(closed: true).Select(report => report.File), Is.EqualTo(new[] { "shut.json" }));
    }

    [TestCase("../outside.json")]
    [TestCase("..%2Foutside.json")]
    [TestCase("..\\outside.json")]
    [TestCase("/tmp/outside.json")]
    [TestCase("a.json/")]
    [TestCase("A.JSON")]
    [TestCase(" a.json")]
    [TestCase("a.json\u200b")]
    [TestCase("./a.json")]
    [TestCase("")]
    public void ANameTheFolderDoesNotListIsNeverWrittenOrDeleted(string name)
    {
        var store = Reports();
        var feedback = Feedback();
        WriteReport("a.json", closed: false);
        var outside = Path.Combine(_folder, "outside.json");
        File.WriteAllText(outside, File.ReadAllText(Path.Combine(_folder, "reports", "a.json")));
        File.WriteAllText(Path.Combine(_folder, "feedback", "f.json"), FeedbackFile(visible: false));
        store.Listed(closed: false);
        feedback.All();
        var before = File.ReadAllText(outside);

        var named = name.Replace("/tmp/outside.json", outside, StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(store.Find(named), Is.Null);
            Assert.That(store.Dismiss(named), Is.Null);
            Assert.That(store.Bar(named, 0, Origin(0), Now.AddDays(1), "alice"), Is.Null);
            Assert.That(feedback.Find(named), Is.Null);
            Assert.That(feedback.Show(named, visible: true), Is.Null);
            Assert.That(feedback.Delete(named), Is.False);
            Assert.That(File.ReadAllText(outside), Is.EqualTo(before));
            Assert.That(ReadReport("a.json")["closed"]!.GetValue<bool>(), Is.False);
            Assert.That(File.Exists(Path.Combine(_folder, "feedback", "f.json")), Is.True);
        });
    }

    [Test]
    public void ABarNamingAnotherOriginThanThePagesIsRefused()
    {
        var store = Reports();
        WriteReport("a.json", closed: false);
        store.Listed(closed: false);

        Assert.That(store.Bar("a.json", 0, Origin(1), Now.AddDays(1), "alice"), Is.Null, "the file was edited since the page was read");
        Assert.That(store.Bar("a.json", 5, Origin(0), Now.AddDays(1), "alice"), Is.Null);
        Assert.That(store.Bars(Now), Is.Empty);
    }

    [Test]
    public async Task FeedbackIsPublishedHiddenRepliedToDeletedAndNoticesAdded()
    {
        var store = Feedback();
        File.WriteAllText(Path.Combine(_folder, "feedback", "f.json"), FeedbackFile(visible: false));
        Assert.That(store.All().Select(entry => entry.File), Is.EqualTo(new[] { "f.json" }));

        store.Show("f.json", visible: true);
        Assert.That(store.Visible().Select(entry => entry.Message), Is.EqualTo(new[] { "<b>hi</b>" }), "at once on this instance");
        store.Reply("f.json", "thanks");
        Assert.That(JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "feedback", "f.json")))!["reply"]!.GetValue<string>(), Is.EqualTo("thanks"));
        store.Show("f.json", visible: false);
        Assert.That(store.Visible(), Is.Empty);

        await store.AddNoticeAsync("maintenance tonight");
        Assert.That(store.Visible().Single(), Has.Property(nameof(FeedbackEntry.Operator)).True.And.Property(nameof(FeedbackEntry.Message)).EqualTo("maintenance tonight"));

        Assert.That(store.Delete("f.json"), Is.True);
        Assert.That(File.Exists(Path.Combine(_folder, "feedback", "f.json")), Is.False);
        Assert.That(store.All(), Has.Count.EqualTo(1));
    }

    private static string Origin(int i) => $"hmac:AAAAAAAAAAAAAAAAAAAAA{i}";

    private ReportStore Reports() => new(
        Microsoft.Extensions.Options.Options.Create(new ReportsOptions { Directory = Path.Combine(_folder, "reports") }),
        _clock,
        new OriginHashes(new FixedKey()),
        NullLogger<ReportStore>.Instance);

    private FeedbackStore Feedback() => new(
        Microsoft.Extensions.Options.Options.Create(new FeedbackOptions { Directory = Path.Combine(_folder, "feedback") }),
        _clock,
        NullLogger<FeedbackStore>.Instance);

    private void WriteReport(string name, bool closed, long timestamp = 1764966000) =>
        File.WriteAllText(Path.Combine(_folder, "reports", name), new JsonObject
        {
            ["timestamp"] = timestamp,
            ["datetime"] = "then",
            ["mode"] = "Global",
            ["reported"] = new JsonArray(
                new JsonObject { ["name"] = "Alice", ["origin"] = Origin(0), ["bar"] = false, ["barredUntil"] = null },
                new JsonObject { ["name"] = "Bob", ["origin"] = Origin(1), ["bar"] = false, ["barredUntil"] = null }),
            ["lines"] = new JsonArray(new JsonObject { ["at"] = "2026-12-05T22:00:00+00:00", ["text"] = "Alice: hi" }),
            ["closed"] = closed,
        }.ToJsonString());

    private JsonNode ReadReport(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "reports", name)))!;

    private static string FeedbackFile(bool visible) =>
        $$"""{ "timestamp": 1764966000, "datetime": "then", "message": "<b>hi</b>", "visible": {{(visible ? "true" : "false")}}, "reply": null, "operator": false }""";

    private sealed class FixedKey : IOriginHashKey
    {
        public byte[] Load() => new byte[32];
    }
}
