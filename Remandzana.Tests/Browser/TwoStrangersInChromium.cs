using Microsoft.Playwright;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Browser;

[Category("Browser")]
public sealed class TwoStrangersInChromium : BrowserFixture
{
    [TestCase(1280, 800, TestName = "TwoBrowsersChatBothWaysAndClosingATabEndsThePartnersPage(desktop 1280×800)")]
    [TestCase(390, 844, TestName = "TwoBrowsersChatBothWaysAndClosingATabEndsThePartnersPage(phone 390×844)")]
    public async Task TwoBrowsersChatBothWaysAndClosingATabEndsThePartnersPage(int width, int height)
    {
        var (alice, bob) = await Chromium.OpenPair(App.BaseAddress, viewport: (width, height));


        await alice.Say("Hello from a browser without scripts");
        await bob.WaitForLine("Stranger: Hello from a browser without scripts");
        await alice.WaitForLine("You: Hello from a browser without scripts");
        await bob.Say("Hi! Same here.");
        await alice.WaitForLine("Stranger: Hi! Same here.");
        await bob.WaitForLine("You: Hi! Same here.");
        await alice.Say("The newest line is on top.");
        await alice.WaitForLine("You: The newest line is on top.");
        await bob.WaitForLine("Stranger: The newest line is on top.");

        Assert.That(await alice.MessageField().InputValueAsync(), Is.Empty, "the sent message left the field");
        await alice.AssertLayout();
        await bob.AssertLayout();
        await alice.Screenshot($"alice-{width}x{height}");

        await alice.Context.CloseAsync();

        await bob.WaitForLine(Notices.StrangerLeft);
        await bob.WaitForLine(Notices.ConversationOver);
        await bob.WaitForLoadStateAsync(LoadState.Load);
        Assert.That(await bob.Locator("i.hb.ended").CountAsync(), Is.EqualTo(1), "the page finished with the 'ended' light");
        await AssertTheLastLightHidesTheEarlierOnes(bob);
        Assert.That(await bob.Lines().Last.TextContentAsync(), Is.EqualTo(Notices.ConversationOver), "the last line written is the newest, shown first");
        await bob.AssertLayout();
        await bob.Screenshot($"bob-ended-{width}x{height}");
        await bob.Context.CloseAsync();
    }

    /// <summary>Each heartbeat paints a light over the last; a narrower one would let "connected" peek out beside "ended".</summary>
    private static async Task AssertTheLastLightHidesTheEarlierOnes(IPage page)
    {
        var lights = await page.Locator("i.hb").AllAsync();
        var last = (await lights[^1].BoundingBoxAsync())!;
        foreach (var earlier in lights.Take(lights.Count - 1))
        {
            var box = (await earlier.BoundingBoxAsync())!;
            Assert.That(box.X, Is.GreaterThanOrEqualTo(last.X - 0.5), "an earlier light sticks out to the left of the 'ended' light");
            Assert.That(box.X + box.Width, Is.LessThanOrEqualTo(last.X + last.Width + 0.5), "an earlier light sticks out to the right of the 'ended' light");
        }
    }

    /// <summary>
    /// Issue 25: the resume link of a chatting page, read as a person reads it when the light turns
    /// red (Chromium's animations run a thousand times faster, so the light goes red between
    /// heartbeats); the page closed, the partner writes, the link opened: the missed lines, then the chat goes on.
    /// </summary>
    [TestCase(1280, 800)]
    [TestCase(390, 844)]
    public async Task AClosedPagesResumeLinkBringsBackWhatWasMissedAndTheChatGoesOn(int width, int height)
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Chat:ResumeSeconds"] = "30" });
        var (alice, bob) = await Chromium.OpenPair(app.BaseAddress, viewport: (width, height));
        await alice.Say("Hello before the drop");
        await bob.WaitForLine("Stranger: Hello before the drop");

        var resume = alice.Locator("header p.resume a");
        await alice.Locator(".log > i.hb").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        Assert.That(await IsUncovered(alice, resume), Is.False, "while heartbeats arrive, the light covers the link");
        var animations = await alice.Context.NewCDPSessionAsync(alice);
        await animations.SendAsync("Animation.enable");
        await animations.SendAsync("Animation.setPlaybackRate", new Dictionary<string, object> { ["playbackRate"] = 1000 });
        var link = await resume.GetAttributeAsync("href") ?? throw new AssertionException("no resume link");
        Assert.That(await resume.GetAttributeAsync("rel"), Is.EqualTo("noreferrer"));
        await Eventually.That(() => IsUncovered(alice, resume), "the resume link to show under the red light");
        await Shot(alice, $"red-light-{width}");

        await alice.Context.CloseAsync();
        await bob.WaitForLine("Stranger's connection dropped — waiting up to 30 s.");
        await bob.Say("Did you drop?");
        await bob.WaitForLine("You: Did you drop?");

        var back = await Chromium.Open(app.BaseAddress, link, (width, height));
        await back.WaitForLine(Notices.YouAreBack);
        await bob.WaitForLine(Notices.StrangerIsBack);
        Assert.That(await back.Lines().AllTextContentsAsync(), Is.EqualTo(new[] { "Stranger: Did you drop?", Notices.YouAreBack }), "the missed lines, once, then the return");
        await back.Say("Yes, I'm back");
        await bob.WaitForLine("Stranger: Yes, I'm back");
        await back.WaitForLine("You: Yes, I'm back");
        await back.AssertLayout();
        Assert.That(await back.Locator("nav details.end-chat summary").IsVisibleAsync(), Is.True, "a resumed conversation is live: New conversation asks first");
        await Shot(back, $"resumed-{width}");
        await Shot(bob, $"partner-{width}");

        await back.Context.CloseAsync();
        await bob.Context.CloseAsync();
    }

    /// <summary>The link's text is painted: its box on screen holds more than the panel's one colour (a shadow covering it does not change what is under the pointer, so this is what a person sees).</summary>
    private static async Task<bool> IsUncovered(IPage page, ILocator link)
    {
        var box = await link.BoundingBoxAsync() ?? throw new AssertionException("not laid out");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Clip = new Clip { X = box.X, Y = box.Y, Width = box.Width, Height = box.Height } });
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        return bitmap.Pixels.Distinct().Count() > 4;
    }

    /// <summary>A screenshot in the test output (screenshots/).</summary>
    private static async Task Shot(IPage page, string label) => await page.Screenshot(label);
}
