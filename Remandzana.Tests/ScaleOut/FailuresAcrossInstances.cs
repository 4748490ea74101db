using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;
using Remandzana.Web.Debug;

namespace Remandzana.Tests.ScaleOut;

/// <summary>An instance killed mid-conversation, and Redis going away and coming back.</summary>
[Category("ScaleOut")]
[NonParallelizable]
public sealed class FailuresAcrossInstances
{
    [Test]
    public async Task KillingAnInstanceTellsItsPeoplesPartnersOnTheOthersWithinFifteenSeconds()
    {
        await using var site = await ScaledOutSite.Start(3, settings: OverviewPage.ProcessSettings());
        var (survivor, doomed) = await site[0].OpenPair(site[1]);
        await using var _ = survivor;
        await using var __ = doomed;
        await using var watcher = await site[2].OpenChat("/global");
        await using var doomedWatcher = await site[1].OpenChat("/global");
        await watcher.WaitForLine(Notices.Joined("Anonymous").English);

        // SIGKILL: the instance says goodbye to nobody; the other silos declare it dead.
        await site[1].Kill();
        using var fifteenSeconds = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using (var http = site[0].NewClient())
        {
            // Still a member until the others declare it dead: the console shows it as not answering, never an error.
            var overview = await OverviewPage.Read(http);
            Assert.That(overview.Instances, Does.Contain("instance-1"));
            Assert.That(overview.Figure("People online")[2], Is.EqualTo("Not answering"));
            Assert.That(overview.Figure("People online")[0], Is.EqualTo("2"), "the site counts the people of the instances that answered");
        }

        using (var http = site[0].NewClient())
        using (var debug = await DebugView.Open(http, site[0]))
        {
            // Its silo is not declared dead yet: the view is partial or unavailable, never an error.
            Assert.That(debug.StatusCode, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.ServiceUnavailable), await debug.Content.ReadAsStringAsync());
        }

        await survivor.WaitForLine(Notices.StrangerLeft).WaitAsync(fifteenSeconds.Token);
        await survivor.WaitForEnd().WaitAsync(fifteenSeconds.Token);
        await watcher.WaitForLine(Notices.Left("Anonymous").English).WaitAsync(fifteenSeconds.Token);
        Assert.That(site[1].HasExited, Is.True);
        Assert.That(site[0].Output.Concat(site[2].Output), Has.Some.Contains("(instance-1) is dead"), "a survivor logged what it did");
    }

    [Test]
    public async Task KillingTheInstanceThatHoldsTheMatchmakerLosesNobodyWhoWaitsElsewhere()
    {
        await using var site = await ScaledOutSite.Start(3);
        var matchmaker = (await Snapshot(site[0])).Matchmaker;
        var host = site.Instances.Single(instance => Name(site, instance) == matchmaker);
        var others = site.Instances.Where(instance => instance != host).ToList();
        await using var first = await others[0].OpenChat("/three");
        await using var second = await others[1].OpenChat("/three");
        await first.WaitForLine(Notices.LookingForTwoStrangers);
        await second.WaitForLine(Notices.LookingForTwoStrangers);

        await host.Kill();

        // Once the others have declared its silo dead, the matchmaker lives on one of them, with the two who waited back in its lobby.
        await Eventually.That(async () => await TrySnapshot(others[0]) is { } snapshot && snapshot.Matchmaker != matchmaker && snapshot.Lobbies.Single(lobby => lobby.Mode == "Three").Waiting.Count == 2, "the matchmaker to come back with the waiting people");
        await using var third = await others[0].OpenChat("/three");
        foreach (var tab in new[] { first, second, third })
        {
            await tab.WaitForLine(Notices.FoundTwoStrangers);
        }

        Assert.That(first.LineTexts.Count(line => line == Notices.LookingForTwoStrangers), Is.EqualTo(1), "the page was never reopened: it kept waiting");
    }

    private static string Name(ScaledOutSite site, AppProcess instance) => $"instance-{site.Instances.ToList().IndexOf(instance)}";

    private static async Task<DebugSnapshot?> TrySnapshot(AppProcess instance)
    {
        try
        {
            return await Snapshot(instance);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<DebugSnapshot> Snapshot(AppProcess instance)
    {
        using var http = instance.NewClient();
        return JsonSerializer.Deserialize<DebugSnapshot>(await DebugView.Read(http, instance), DebugSnapshot.Json)!;
    }

    [Test]
    public async Task WithoutRedisNewChatsAreFriendly503sOpenChatsGoOnAndChatComesBackWithRedis()
    {
        await using var site = await ScaledOutSite.Start(2);
        var (talking, partner) = await site[0].OpenPair(site[1]);
        await using var _ = talking;
        await using var __ = partner;

        await site.Redis.Stop();

        using var http = site[1].NewClient();
        await Eventually.That(async () => await http.GetStringAsync("/healthz") == "Degraded", "the instance to notice that Redis is gone");
        using var page = await http.GetAsync("/two");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        Assert.That(document.Title, Does.Contain("temporarily unavailable"));
        await Eventually.That(() => site[0].Output.Any(line => line.Contains("is unreachable", StringComparison.Ordinal)), "the log to say what happened");

        // The silos talk to each other directly: a conversation open when Redis went away goes on across them.
        Assert.That((await talking.Send("are you there?")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await partner.WaitForLine("Stranger: are you there?");
        Assert.That((await partner.Send("still here")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await talking.WaitForLine("Stranger: still here");

        await site.Redis.Restart();
        await WaitUntilHealthy(site[0]);
        await WaitUntilHealthy(site[1]);

        var (first, second) = await site[0].OpenPair(site[1]);
        await using var ___ = first;
        await using var ____ = second;
        await second.Send("back");
        await first.WaitForLine("Stranger: back");

        // After each return the instances check the key ring they know against Redis, so one started now reads their forms.
        await Eventually.That(() => site.Instances.All(KeyRingChecked), "every instance to check the key ring it knows against Redis");
        var late = await site.AddInstance();
        using var viaLate = late.NewClient();
        Assert.That((await first.Send("via an instance started after the restart", via: viaLate)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await second.WaitForLine("Stranger: via an instance started after the restart");
    }

    [Test]
    public async Task AFormPostedWhereTheKeyRingCannotBeReadKeepsItsTextAndSaysWhy()
    {
        await using var site = await ScaledOutSite.Start(1);
        await using var tab = await site[0].OpenChat("/two");
        await tab.WaitForLine(Notices.LookingForStranger);
        await site.Redis.Stop();

        // Started while Redis is down, this instance has never seen the key that signed the form.
        var late = await site.AddInstance();
        using var viaLate = late.NewClient();
        using var response = await tab.Send("is my text kept?", via: viaLate);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "not 403: the form may well be valid");
        Assert.That(tab.LastAnswer.QuerySelector("input[name=message]")?.GetAttribute("value"), Is.EqualTo("is my text kept?"));
        Assert.That(tab.LastAnswer.Body!.TextContent, Does.Contain("temporarily unavailable"));
    }

    private static bool KeyRingChecked(AppProcess instance) =>
        instance.Output.Any(line => line.Contains("Data Protection key", StringComparison.Ordinal) && (line.Contains("wrote back", StringComparison.Ordinal) || line.Contains("Redis is back", StringComparison.Ordinal)));

    [Test]
    public async Task AnInstanceStartedWhileRedisIsDownServesChatOnceRedisIsUp()
    {
        await using var redis = await RedisServer.Start();
        await redis.Stop();
        await using var site = await ScaledOutSite.Start(1, redis);
        using var http = site[0].NewClient();

        Assert.That((await http.GetAsync("/two")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await http.GetStringAsync("/healthz"), Is.EqualTo("Degraded"));
        Assert.That((await http.GetAsync("/about")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "pages that need no chat are served");

        await redis.Restart();
        await WaitUntilHealthy(site[0]);

        var (first, second) = await site[0].OpenPair();
        await using var _ = first;
        await using var __ = second;
        await second.Send("up");
        await first.WaitForLine("Stranger: up");
    }

    private static async Task WaitUntilHealthy(AppProcess instance)
    {
        using var http = instance.NewClient();
        await Eventually.That(async () => await http.GetStringAsync("/healthz") == "Healthy", $"{instance.BaseAddress} to reconnect to Redis");
    }
}
