using Microsoft.Playwright;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Browser;

/// <summary>Two script-less browsers chat through the shipped round-robin nginx config in front of two instances sharing Redis.</summary>
[Category("Browser")]
[NonParallelizable]
public sealed class ScaleOutInChromium
{
    [Test]
    public async Task TwoBrowsersChatThroughNginxAcrossTwoInstances()
    {
        await using var chromium = await Chromium.Launch();
        await using var site = await ScaledOutSite.Start(2);
        await using var nginx = await Nginx.StartScaleOut([site[0].BaseAddress, site[1].BaseAddress]);

        var (alice, bob) = await chromium.OpenPair(nginx.BaseAddress, viewport: Chromium.Desktop);


        await alice.Say("Hello across two instances");
        await bob.WaitForLine("Stranger: Hello across two instances");
        await bob.Say("Hello back, through the cluster");
        await alice.WaitForLine("Stranger: Hello back, through the cluster");
        await alice.Say("Each send may land on either instance");
        await bob.WaitForLine("Stranger: Each send may land on either instance");

        await alice.AssertLayout();
        await alice.Screenshot("alice");
        await bob.Screenshot("bob");
        await alice.Context.CloseAsync();
        await bob.WaitForLine(Notices.StrangerLeft);
        await bob.Context.CloseAsync();

        await site.Redis.Stop();
        var later = await chromium.Open(nginx.BaseAddress, "/two", Chromium.Desktop);
        await later.GetByRole(AriaRole.Heading, new() { Name = "Chat is temporarily unavailable" }).WaitForAsync();
        await later.Screenshot("without-redis");
        await later.Context.CloseAsync();
    }
}
