using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.ScaleOut;

/// <summary>
/// Two app processes sharing one redis-server, each with its own reports folder: a report posted
/// to the instance that does not hold the reporter's stream still carries the lines they saw, and
/// a bar the operator sets in that instance's file closes the other instance's chat pages too; a bar
/// set from that instance's console does so at once, even on an instance that would not read the bars
/// again for an hour.
/// </summary>
[Category("ScaleOut")]
[NonParallelizable]
public sealed class ReportsAcrossInstances
{
    private static readonly IPAddress StrangerAddress = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress ConsoleStrangerAddress = IPAddress.Parse("127.0.0.3");

    private ScaledOutSite _site = null!;

    [OneTimeSetUp]
    public async Task StartSite() => _site = await ScaledOutSite.Start(
        2,
        settings: ConsoleOperators.Settings(new Dictionary<string, string?> { ["Remandzana:Reports:RescanSeconds"] = "1" })
            .ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!));

    [OneTimeTearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public async Task AReportPostedToTheOtherInstanceIsStoredThereAndItsBarHoldsOnEveryInstance()
    {
        var site = _site;
        var (reporter, stranger) = await Pairing.OpenPair(site[0].NewClient(), FromAddress.Client(StrangerAddress, site[1].BaseAddress));
        await using var _ = reporter;
        await using var __ = stranger;
        await stranger.Send("an unwanted line");
        await reporter.WaitForLine("Stranger: an unwanted line");
        var token = reporter.Form.QuerySelector("form.report input[name=token]")!.GetAttribute("value")!;

        using var viaOther = site[1].NewClient();
        var answer = await viaOther.PostAsync("/report", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }));

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await reporter.WaitForLine(Notices.ReportThanks);
        await reporter.WaitForEnd();
        await stranger.WaitForLine(Notices.StrangerLeft);
        var file = Directory.GetFiles(Path.Combine(site[1].Folder, "reports"), "*.json").Single(path => File.ReadAllText(path).Contains("an unwanted line", StringComparison.Ordinal));
        using (var report = JsonDocument.Parse(await File.ReadAllTextAsync(file)))
        {
            Assert.That(report.RootElement.GetProperty("lines").EnumerateArray().Select(line => line.GetProperty("text").GetString()), Does.Contain("Stranger: an unwanted line"));
            Assert.That(report.RootElement.GetProperty("reported")[0].GetProperty("origin").GetString(), Does.StartWith("hmac:"), "a keyed hash, the same on every instance (the key is in Redis), so the bar below holds on the first one");
            Assert.That(report.RootElement.GetRawText(), Does.Not.Contain("127.0.0.2"));
        }

        var edited = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        edited["reported"]![0]!["bar"] = true;
        await File.WriteAllTextAsync(file, edited.ToJsonString());

        using var fromStranger = FromAddress.Client(StrangerAddress, site[0].BaseAddress);
        var barred = await Eventually.Found(
            async () =>
            {
                using var page = await fromStranger.GetAsync("/two", HttpCompletionOption.ResponseHeadersRead);
                return page.StatusCode == HttpStatusCode.Forbidden ? await page.Content.ReadAsStringAsync() : null;
            },
            "the first instance to learn of the bar set in the second one's file");
        Assert.That(barred, Does.Contain("You are barred from chatting"));


        using var fromElsewhere = site[0].NewClient();
        using var other = await fromElsewhere.GetAsync("/two", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "only the barred origin");
    }

    [Test]
    public async Task ABarSetInTheConsoleHoldsAtOnceOnAnInstanceThatReadsTheBarsOnlyHourly()
    {
        var site = _site;
        var hourly = await site.AddInstance(new Dictionary<string, string> { ["Remandzana__Reports__RescanSeconds"] = "3600" });
        var (reporter, stranger) = await Pairing.OpenPair(site[0].NewClient(), FromAddress.Client(ConsoleStrangerAddress, site[1].BaseAddress));
        await using var _ = reporter;
        await using var __ = stranger;
        await stranger.Send("a line worth a bar");
        await reporter.WaitForLine("Stranger: a line worth a bar");
        var token = reporter.Form.QuerySelector("form.report input[name=token]")!.GetAttribute("value")!;
        using var viaOther = site[1].NewClient();
        using (var reported = await viaOther.PostAsync("/report", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token })))
        {
            Assert.That(reported.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var file = Path.GetFileName(Directory.GetFiles(Path.Combine(site[1].Folder, "reports"), "*.json").Single(path => File.ReadAllText(path).Contains("a line worth a bar", StringComparison.Ordinal)));
        using var fromStranger = FromAddress.Client(ConsoleStrangerAddress, hourly.BaseAddress);
        using (var before = await fromStranger.GetAsync("/two", HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the hourly instance read the bars once, when it started, before this one was set");
        }

        using var console = site[1].NewClient();
        console.DefaultRequestHeaders.Authorization = ConsoleOperators.Basic(ConsoleOperators.Moderator);
        var page = new HtmlParser().ParseDocument(await console.GetStringAsync($"/operator/reports?file={Uri.EscapeDataString(file)}"));
        var form = page.Forms.Single(each => each.GetAttribute("action") == "/operator/reports/bar");
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(input => new KeyValuePair<string, string>(input.Name!, input.Value)).Append(new("length", "day"));
        using (var barred = await console.PostAsync("/operator/reports/bar", new FormUrlEncodedContent(fields)))
        {
            Assert.That(barred.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        var refused = await Eventually.Found(
            async () =>
            {
                using var chat = await fromStranger.GetAsync("/two", HttpCompletionOption.ResponseHeadersRead);
                return chat.StatusCode == HttpStatusCode.Forbidden ? await chat.Content.ReadAsStringAsync() : null;
            },
            "the hourly instance to refuse the origin barred from the other instance's console (told at once, not at its next rescan)");
        Assert.That(refused, Does.Contain("You are barred from chatting"));
        using var audit = JsonDocument.Parse(File.ReadLines(Path.Combine(site[1].Folder, "audit", "operator-audit.jsonl")).Last());
        Assert.That(audit.RootElement.GetRawText(), Does.Contain(ConsoleOperators.Moderator).And.Contain(file));
    }
}
