using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Remandzana.Domain.People;
using Remandzana.Tests.Support;
using Remandzana.Web.Reports;

namespace Remandzana.Tests.Browser;

/// <summary>
/// The reports, bars and feedback pages in script-less Chromium, signed in with HTTP Basic: an
/// operator bars a reported origin and publishes a feedback entry by pressing the pages' buttons;
/// axe-core finds nothing on the three pages at either width.
/// </summary>
[Category("Browser")]
[NonParallelizable]
public sealed class ConsoleReportsInChromium
{
    private const string Password = "correct horse battery staple";
    private static readonly IPAddress Stranger = IPAddress.Parse("127.0.0.2");

    private RemandzanaApp _app = null!;
    private Chromium _chromium = null!;

    [OneTimeSetUp]
    public async Task StartAppAndBrowser()
    {
        _chromium = await Chromium.Launch();
        _app = new RemandzanaApp(new Dictionary<string, string?>
        {
            ["Remandzana:Operators:alice:PasswordHash"] = new PasswordHasher<object>().HashPassword(new object(), Password),
        });
    }

    [OneTimeTearDown]
    public async Task StopAppAndBrowser()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Test]
    public async Task AnOperatorBarsAReportedOriginAndPublishesFeedbackWithoutScript()
    {
        var report = WriteReport(_app.Services.GetRequiredService<OriginHashes>().Of(new Origin("address:" + Stranger)), "Stranger: leave me alone");
        var feedback = WriteFeedback("Please add a dark theme.");
        var page = await SignedIn(await _chromium.NewTab(_app.BaseAddress));

        await page.GotoAsync("/operator/reports");
        var card = page.Locator("article.console-report", new() { Has = page.Locator($"input[name=file][value='{report}']") });
        await card.Locator("form.console-bar button[value=day]").ClickAsync();
        await page.Locator(".console-done", new() { HasText = "Barred." }).WaitForAsync();

        Assert.That(JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_app.Folder, "reports", report)))!["reported"]![0]!["barredBy"]!.GetValue<string>(), Is.EqualTo("alice"));
        using var fromStranger = _app.NewClient(Stranger);
        using var chat = await fromStranger.GetAsync("/two", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(chat.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        await page.GotoAsync("/operator/feedback");
        var entry = page.Locator("article.console-feedback", new() { Has = page.Locator($"input[name=file][value='{feedback}']") });
        await entry.Locator("button", new() { HasText = "Publish" }).ClickAsync();
        await page.Locator(".console-done", new() { HasText = "Published" }).WaitForAsync();

        using var visitor = _app.NewClient();
        Assert.That(await visitor.GetStringAsync("/feedback"), Does.Contain("Please add a dark theme."));
    }

    [Test]
    public async Task TheThreePagesHaveNoAxeViolationsAtEitherWidthAndAreShot()
    {
        WriteReport("hmac:QUJDREVGR0hJSktMTU5PUA", "Stranger: <b>markup</b> \u202Eesrever\u202C", "Stranger: " + new string('x', 600), "Stranger: سلام");
        var barred = WriteReport("hmac:WllYV1ZVVFNSUVBPTk1MSw", "Stranger: spam spam spam");
        WriteFeedback("The site works in Tor Browser on Safest. Thank you!", visible: true, reply: "Thanks for telling us.");
        WriteFeedback("Could global chat show who is online?");
        using (var http = _app.NewClient())
        {
            http.DefaultRequestHeaders.Authorization = new("Basic", Credentials());
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
            var audit = await SignedIn(await _chromium.NewAuditTab(_app.BaseAddress, (width, height)));
            var shown = await SignedIn(await _chromium.NewTab(_app.BaseAddress, (width, height)));
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

    private static string Credentials() => Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:" + Password));

    /// <summary>Signs the tab in as the browser does once the operator typed their name and password into its Basic prompt: every request carries them.</summary>
    private static async Task<IPage> SignedIn(IPage page)
    {
        await page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Authorization"] = "Basic " + Credentials() });
        return page;
    }

    private string WriteReport(string origin, params string[] lines)
    {
        var folder = Path.Combine(_app.Folder, "reports");
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
        var folder = Path.Combine(_app.Folder, "feedback");
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
