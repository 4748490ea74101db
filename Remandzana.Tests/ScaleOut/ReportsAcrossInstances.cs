using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.ScaleOut;

/// <summary>
/// Two app processes sharing one redis-server, each with its own reports folder: a report posted
/// to the instance that does not hold the reporter's stream still carries the lines they saw, and
/// a bar the operator sets in that instance's file closes the other instance's chat pages too.
/// </summary>
[Category("ScaleOut")]
[NonParallelizable]
public sealed class ReportsAcrossInstances
{
    private static readonly IPAddress StrangerAddress = IPAddress.Parse("127.0.0.2");

    [Test]
    public async Task AReportPostedToTheOtherInstanceIsStoredThereAndItsBarHoldsOnEveryInstance()
    {
        await using var site = await ScaledOutSite.Start(2, settings: new Dictionary<string, string> { ["Remandzana__Reports__RescanSeconds"] = "1" });
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
        var file = Directory.GetFiles(Path.Combine(site[1].Folder, "reports"), "*.json").Single();
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
}
