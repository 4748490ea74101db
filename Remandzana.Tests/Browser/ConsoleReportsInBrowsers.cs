using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Remandzana.Domain.People;
using Remandzana.Tests.Support;
using Remandzana.Web.Reports;

namespace Remandzana.Tests.Browser;

/// <summary>
/// The reports, bars and feedback pages in script-less Chromium, signed in with HTTP Basic: an
/// operator bars a reported origin and publishes a feedback entry by pressing the pages' buttons
/// (the same bar, and publishing, in Firefox ESR);
/// axe-core finds nothing on the three pages at either width.
/// </summary>
[Category("Browser")]
public sealed class ConsoleReportsInBrowsers() : BrowserFixture(ConsoleOperators.Settings())
{
    private static readonly IPAddress Stranger = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress FirefoxStranger = IPAddress.Parse("127.0.0.4");

    [Test]
    public async Task AnOperatorBarsAReportedOriginAndPublishesFeedbackWithoutScript()
    {
        var report = WriteReport(App.Services.GetRequiredService<OriginHashes>().Of(new Origin("address:" + Stranger)), "Stranger: leave me alone");
        var feedback = WriteFeedback("Please add a dark theme.");
        var page = await Chromium.NewSignedInTab(App.BaseAddress, ConsoleOperators.Moderator, ConsoleOperators.Password);

        await page.GotoAsync("/operator/reports");
        var card = page.Locator("article.console-report", new() { Has = page.Locator($"input[name=file][value='{report}']") });
        await card.Locator("form.console-bar button[value=day]").ClickAsync();
        await page.Locator(".console-done", new() { HasText = "Barred." }).WaitForAsync();

        Assert.That(JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(App.Folder, "reports", report)))!["reported"]![0]!["barredBy"]!.GetValue<string>(), Is.EqualTo(ConsoleOperators.Moderator));
        using var fromStranger = App.NewClient(Stranger);
        using var chat = await fromStranger.GetAsync("/two", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(chat.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        await page.GotoAsync("/operator/feedback");
        var entry = page.Locator("article.console-feedback", new() { Has = page.Locator($"input[name=file][value='{feedback}']") });
        await entry.Locator("button", new() { HasText = "Publish" }).ClickAsync();
        await page.Locator(".console-done", new() { HasText = "Published" }).WaitForAsync();

        using var visitor = App.NewClient();
        Assert.That(await visitor.GetStringAsync("/feedback"), Does.Contain("Please add a dark theme."));
    }

    [Test]
    public async Task TheThreePagesHaveNoAxeViolationsAtEitherWidthAndAreShot()
    {
        WriteReport("hmac:QUJDREVGR0hJSktMTU5PUA", "Stranger: <b>markup</b> \u202Eesrever\u202C", "Stranger: " + new string('x', 600), "Stranger: سلام");
        var barred = WriteReport("hmac:WllYV1ZVVFNSUVBPTk1MSw", "Stranger: spam spam spam");
        WriteFeedback("The site works in Tor Browser on Safest. Thank you!", visible: true, reply: "Thanks for telling us.");
        WriteFeedback("Could global chat show who is online?");
        using (var http = ConsoleOperators.SignedIn(App))
        {
            var form = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await http.GetStringAsync($"/operator/reports?file={barred}"));
            var token = form.QuerySelector("form.console-bar input[name=operatorToken]")!.GetAttribute("value")!;
            using var posted = await http.PostAsync("/operator/reports/bar", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["operatorToken"] = token, ["file"] = barred, ["person"] = "0", ["origin"] = "hmac:WllYV1ZVVFNSUVBPTk1MSw", ["length"] = "forgood",
            }));
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        // REMANDZANA_SHOTS names a folder to keep the screenshots in (to look at them); else the test's output folder.
        var shots = Environment.GetEnvironmentVariable("REMANDZANA_SHOTS") is { Length: > 0 } kept ? kept : Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(shots);
        foreach (var (width, height, label) in new[] { (Chromium.Desktop.Width, Chromium.Desktop.Height, "1280"), (Chromium.Phone.Width, Chromium.Phone.Height, "390") })
        {
            var audit = await Chromium.NewSignedInAuditTab(App.BaseAddress, ConsoleOperators.Moderator, ConsoleOperators.Password, (width, height));
            var shown = await Chromium.NewSignedInTab(App.BaseAddress, ConsoleOperators.Moderator, ConsoleOperators.Password, (width, height));
            foreach (var (path, name) in new[] { ("/operator/reports", "reports"), ("/operator/bars", "bars"), ("/operator/feedback", "feedback") })
            {
                var answer = await audit.GotoAsync(path);
                Assert.That(answer?.Status, Is.EqualTo(200), path);
                await audit.AssertNoViolations($"{path} at {width} px");
                await shown.GotoAsync(path);
                await shown.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"{name}-{label}.png"), FullPage = label == "390" });
            }

            await audit.Context.CloseAsync();
            await shown.Context.CloseAsync();
        }
    }

    [Test]
    public async Task FirefoxBarsAReportedOriginWithoutScript()
    {
        var report = WriteReport(App.Services.GetRequiredService<OriginHashes>().Of(new Origin("address:" + FirefoxStranger)), "Stranger: a line for Firefox");
        var firefox = await Firefox.Shared();
        await using var tab = await firefox.NewSignedInTab(App.BaseAddress, ConsoleOperators.Moderator, ConsoleOperators.Password);

        await tab.GoTo($"/operator/reports?file={report}");
        await tab.WaitFor(document => document.QuerySelector("form.console-bar button[value=day]") is not null, "the report's bar form");
        await tab.Click("form.console-bar button[value=day]");
        await tab.WaitFor(document => document.QuerySelector(".console-done")?.TextContent.Contains("Barred.", StringComparison.Ordinal) == true, "the page saying it is barred");

        using var fromStranger = App.NewClient(FirefoxStranger);
        using var chat = await fromStranger.GetAsync("/two", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(chat.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task FirefoxPublishesAFeedbackEntryWithoutScript()
    {
        var feedback = WriteFeedback("Firefox asks: more languages, please.");
        var firefox = await Firefox.Shared();
        await using var tab = await firefox.NewSignedInTab(App.BaseAddress, ConsoleOperators.Moderator, ConsoleOperators.Password);

        await tab.GoTo("/operator/feedback");
        var publish = $"article.console-feedback:has(input[name=file][value='{feedback}']) form[action='/operator/feedback/publish'] button";
        await tab.WaitFor(document => document.QuerySelector(publish) is not null, "the entry's Publish button");
        await tab.Click(publish);
        await tab.WaitFor(document => document.QuerySelector(".console-done")?.TextContent.Contains("Published", StringComparison.Ordinal) == true, "the page saying it is published");

        using var visitor = App.NewClient();
        Assert.That(await visitor.GetStringAsync("/feedback"), Does.Contain("Firefox asks: more languages, please."));
    }

    private string WriteReport(string origin, params string[] lines)
    {
        var folder = Path.Combine(App.Folder, "reports");
        Directory.CreateDirectory(folder);
        var name = $"20261205-220000-{Guid.NewGuid():N}.json";
        File.WriteAllText(Path.Combine(folder, name), new JsonObject
        {
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["datetime"] = "now",
            ["mode"] = "Two",
            ["reported"] = new JsonArray(new JsonObject { ["name"] = "Stranger", ["origin"] = origin, ["bar"] = false, ["barredUntil"] = null }),
            ["lines"] = new JsonArray(lines.Select(text => (JsonNode)new JsonObject { ["at"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"), ["text"] = text }).ToArray()),
            ["closed"] = false,
        }.ToJsonString());
        return name;
    }

    private string WriteFeedback(string message, bool visible = false, string? reply = null)
    {
        var folder = Path.Combine(App.Folder, "feedback");
        Directory.CreateDirectory(folder);
        var name = $"20261205-220000-{Guid.NewGuid():N}.json";
        File.WriteAllText(Path.Combine(folder, name), new JsonObject
        {
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["datetime"] = "now",
            ["message"] = message,
            ["visible"] = visible,
            ["reply"] = reply,
            ["operator"] = false,
        }.ToJsonString());
        return name;
    }
}
