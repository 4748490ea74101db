using Microsoft.Playwright;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Browser;

/// <summary>
/// What a screen reader gets from a chat page in script-less Chromium, read from Chromium's own
/// accessibility tree: a polite live log with the lines and nothing of the heartbeats, and the
/// connection's state said once when it changes.
/// </summary>
[Category("Browser")]
public sealed class AssistiveTechnologyInChromium : BrowserFixture
{
    private const string Disconnected = "Disconnected: new lines no longer arrive.";
    private const string Ended = "This conversation has ended.";

    [Test]
    public async Task TheLogIsAPoliteLiveRegionWithTheLinesAndWithoutTheHeartbeats()
    {
        var page = await Chromium.Open(App.BaseAddress, "/two");
        var stranger = await App.OpenChat("/two");
        await page.WaitForLine(Notices.FoundStranger);
        await stranger.Send("Can you hear me?");
        await page.WaitForLine("Stranger: Can you hear me?");
        await page.Locator(".log i.hb").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

        var tree = await AccessibilityTree.Of(page);
        var log = tree.Find("log") ?? throw new AssertionException("the page has no log for assistive technology");
        var heard = tree.TextsUnder(log);
        Assert.Multiple(() =>
        {
            Assert.That(AccessibilityTree.Name(log), Is.EqualTo("Conversation"));
            Assert.That(AccessibilityTree.Property(log, "live"), Is.EqualTo("polite"));
            Assert.That(string.Concat(heard), Does.Contain(Notices.FoundStranger).And.Contain("Can you hear me?"));
            Assert.That(heard, Has.None.Contains("●"), "the connection light is not read out");
            Assert.That(heard, Has.None.EqualTo(Ended).And.None.EqualTo(Disconnected));
        });

        await stranger.DisposeAsync();
        await page.WaitForLine(Notices.ConversationOver);
        await page.WaitForLoadStateAsync(LoadState.Load);
        var ended = await AccessibilityTree.Of(page);
        var afterwards = ended.TextsUnder(ended.Find("log")!.Value);
        Assert.That(afterwards.Count(text => text == Ended), Is.EqualTo(1), "the end is said once");
        Assert.That(afterwards, Has.None.Contains("●").And.None.EqualTo(Disconnected));
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Every heartbeat's light turns red unless a newer one covers it; only the newest may say so.
    /// Chromium's animations run a thousand times faster here, so each heartbeat (one a second)
    /// goes red long before the next arrives, as if the connection were lost each time.
    /// </summary>
    [Test]
    public async Task WhenHeartbeatsStopTheLossIsSaidOnceHoweverManyLightsTurnedRed()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Chat:HeartbeatSeconds"] = "1" });
        var page = await Chromium.Open(app.BaseAddress, "/two");
        var animations = await page.Context.NewCDPSessionAsync(page);
        await animations.SendAsync("Animation.enable");
        await animations.SendAsync("Animation.setPlaybackRate", new Dictionary<string, object> { ["playbackRate"] = 1000 });
        await page.WaitForLine(Notices.LookingForStranger);
        await page.Locator(".log i.hb").Nth(2).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

        IReadOnlyList<string> heard = [];
        await Eventually.That(
            async () =>
            {
                var tree = await AccessibilityTree.Of(page);
                heard = tree.TextsUnder(tree.Find("log")!.Value);
                return heard.Contains(Disconnected);
            },
            "the lost connection to be said",
            () => string.Join(" | ", heard));


        Assert.That(heard.Count(text => text == Disconnected), Is.EqualTo(1), "the loss is said once, by the newest light");
        Assert.That(heard, Has.None.Contains("●"));
        await page.Context.CloseAsync();
        await app.WaitUntilEveryoneHasLeft();
    }

    [TearDown]
    public Task EveryoneLeft() => App.WaitUntilEveryoneHasLeft();
}
