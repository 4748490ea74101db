using Microsoft.Playwright;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Browser;

[Category("Browser")]
public sealed class ReportInChromium : BrowserFixture
{
    [TestCase(1280, 800, TestName = "ClickingReportThanksTheReporterEndsTheirChatAndStoresTheReport(desktop 1280×800)")]
    [TestCase(390, 844, TestName = "ClickingReportThanksTheReporterEndsTheirChatAndStoresTheReport(phone 390×844)")]
    public async Task ClickingReportThanksTheReporterEndsTheirChatAndStoresTheReport(int width, int height)
    {
        var reports = Path.Combine(App.Folder, "reports");
        var before = Directory.Exists(reports) ? Directory.GetFiles(reports, "*.json").Length : 0;
        var (alice, bob) = await Chromium.OpenPair(App.BaseAddress, viewport: (width, height));

        await bob.Say("Something nobody wants to read");
        await alice.WaitForLine("Stranger: Something nobody wants to read");

        await alice.AssertLayout();
        if (await alice.MoreMenu().IsVisibleAsync())
        {
            await alice.MoreMenu().ClickAsync();
        }

        var button = alice.ReportButton();
        var box = await button.BoundingBoxAsync() ?? throw new AssertionException("the Report button is not displayed");
        var frame = await alice.Locator("iframe.send").BoundingBoxAsync() ?? throw new AssertionException("the send form's frame is not displayed");
        Assert.That(box.X + box.Width, Is.LessThanOrEqualTo(width), "the Report button is inside the window");
        Assert.That(box.Y + box.Height, Is.LessThanOrEqualTo(frame.Y + frame.Height), "the Report button is not cut off by its frame");
        await alice.Screenshot($"report-button-{width}x{height}");

        await button.ClickAsync();

        await alice.FrameLocator("iframe.send").Locator(".reported", new() { HasText = Notices.ReportThanks }).WaitForAsync();
        await alice.WaitForLine(Notices.ReportThanks);
        await alice.WaitForLoadStateAsync(LoadState.Load);
        await bob.WaitForLine(Notices.StrangerLeft);
        Assert.That(await alice.FrameLocator("iframe.send").Locator("input[name=message]").IsDisabledAsync(), Is.True);
        var thanks = await alice.FrameLocator("iframe.send").Locator(".reported").BoundingBoxAsync() ?? throw new AssertionException("the thanks are not displayed");
        var after = await alice.Locator("iframe.send").BoundingBoxAsync() ?? throw new AssertionException("the send form's frame is not displayed");
        Assert.That(thanks.Y + thanks.Height, Is.LessThanOrEqualTo(after.Y + after.Height), "the thanks are not cut off by the frame");
        Assert.That(await alice.Locator("nav a.start-over").CountAsync(), Is.GreaterThan(0), "a New conversation link is there");
        Assert.That(Directory.GetFiles(reports, "*.json"), Has.Length.EqualTo(before + 1));
        await alice.Screenshot($"report-thanks-{width}x{height}");

        await alice.Context.CloseAsync();
        await bob.Context.CloseAsync();
    }
}
