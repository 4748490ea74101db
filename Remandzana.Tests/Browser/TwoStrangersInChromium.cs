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
}
