using Remandzana.Tests.Support;

namespace Remandzana.Tests.Browser;

[Category("Browser")]
public sealed class FeedbackInChromium : BrowserFixture
{
    [Test]
    public async Task TheFeedbackFormSubmitsAndTheConfirmationLinksHome()
    {
        var page = await Chromium.NewTab(App.BaseAddress);
        var response = await page.GotoAsync("/feedback");
        Assert.That(response?.Status, Is.EqualTo(200));

        await page.Locator("form.feedback-form textarea[name=message]").FillAsync("Works without JavaScript, thank you!");
        await page.Locator("form.feedback-form button[type=submit]").ClickAsync();
        await page.Locator("main h1", new() { HasText = "Thank you" }).WaitForAsync();

        await page.Screenshot("confirmation");
        Assert.That(page.Url, Does.Not.Contain("/status/"), "the post was answered with a page, not an error");
        Assert.That(await page.Locator("main a[href='/']").CountAsync(), Is.GreaterThan(0), "the confirmation page links home");
        Assert.That(await page.Locator("main h1").TextContentAsync(), Is.EqualTo("Thank you"));
        Assert.That(Directory.GetFiles(Path.Combine(App.Folder, "feedback"), "*.json"), Has.Length.EqualTo(1), "the feedback was stored");
    }
}
