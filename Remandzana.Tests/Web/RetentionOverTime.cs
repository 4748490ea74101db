using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

/// <summary>The hourly sweep deletes closed reports and unpublished feedback past their keeping time, and keeps the rest.</summary>
[Category("Web")]
public sealed class RetentionOverTime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task AnHourLaterClosedReportsAndUnpublishedFeedbackPastTheirDaysAreGoneAndTheRestStays()
    {
        var clock = new FakeTimeProvider(Now);
        await using var app = new RemandzanaApp(new Dictionary<string, string?>
        {
            ["Remandzana:Reports:KeepDays"] = "30",
            ["Remandzana:Reports:BarDays"] = "30",
            ["Remandzana:Feedback:KeepDays"] = "90",
        }, clock);
        var reports = Directory.CreateDirectory(Path.Combine(app.Folder, "reports")).FullName;
        var feedback = Directory.CreateDirectory(Path.Combine(app.Folder, "feedback")).FullName;
        Report(reports, "closed-old.json", daysAgo: 31, closed: true);
        Report(reports, "barred-old-bar-over.json", daysAgo: 31, bar: true);
        Report(reports, "closed-recent.json", daysAgo: 29, closed: true);
        Report(reports, "open-old.json", daysAgo: 400);
        Report(reports, "barred-old-bar-holds.json", daysAgo: 60, closed: true, barredUntil: Now.AddDays(10));
        Feedback(feedback, "hidden-old.json", daysAgo: 91, visible: false);
        Feedback(feedback, "published-old.json", daysAgo: 400, visible: true);
        Feedback(feedback, "hidden-recent.json", daysAgo: 89, visible: false);

        clock.Advance(TimeSpan.FromHours(1));

        await Eventually.That(() => !File.Exists(Path.Combine(reports, "closed-old.json")) && !File.Exists(Path.Combine(feedback, "hidden-old.json")), "the sweep");
        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetFiles(reports).Select(Path.GetFileName), Is.EquivalentTo(new[] { "closed-recent.json", "open-old.json", "barred-old-bar-holds.json" }));
            Assert.That(Directory.GetFiles(feedback).Select(Path.GetFileName), Is.EquivalentTo(new[] { "published-old.json", "hidden-recent.json" }));
            Assert.That(app.Logs.Entries.Select(entry => entry.Message), Has.Some.Contains("deleted 2 closed reports and 1 unpublished feedback"));
        });
    }

    private static void Report(string folder, string name, int daysAgo, bool closed = false, bool bar = false, DateTimeOffset? barredUntil = null) =>
        File.WriteAllText(Path.Combine(folder, name), JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["timestamp"] = Now.AddDays(-daysAgo).ToUnixTimeSeconds(),
            ["datetime"] = "then",
            ["mode"] = "Two",
            ["reported"] = new[] { new Dictionary<string, object?> { ["name"] = "Stranger", ["origin"] = "hmac:AAAAAAAAAAAAAAAAAAAAAA", ["bar"] = bar, ["barredUntil"] = barredUntil } },
            ["lines"] = Array.Empty<object>(),
            ["closed"] = closed,
        }));

    private static void Feedback(string folder, string name, int daysAgo, bool visible) =>
        File.WriteAllText(Path.Combine(folder, name), JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["timestamp"] = Now.AddDays(-daysAgo).ToUnixTimeSeconds(),
            ["datetime"] = "then",
            ["message"] = "a message",
            ["visible"] = visible,
            ["reply"] = null,
            ["operator"] = false,
        }));
}
