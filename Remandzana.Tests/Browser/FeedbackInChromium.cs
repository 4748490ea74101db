using Remandzana.Tests.Support;

namespace Remandzana.Tests.Browser;

[Category("Browser")]
public sealed class FeedbackInChromium
{
    private RemandzanaApp _app = null!;
    private Chromium _chromium = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _chromium = await Chromium.Launch();
        _app = new RemandzanaApp();
    }

    [OneTimeTearDown]
    public async Task Stop()
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
    public async Task TheFeedbackFormSubmitsAndTheConfirmationLinksHome()
    {
        // The feedback page is built on another branch; until it is merged there is nothing to test here.
        // Once a feedback controller is in the build, a missing /feedback is a failure.
        var feature = typeof(Program).Assembly.GetTypes().FirstOrDefault(type => type.Name.StartsWith("Feedback", StringComparison.Ordinal) && type.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.ControllerBase)));
        if (feature is null)
        {
            Assert.Ignore("This build has no feedback controller yet (SPEC: /feedback); the test runs once the feedback feature is merged.");
        }

        var page = await _chromium.NewTab(_app.BaseAddress);
        var response = await page.GotoAsync("/feedback");
        Assert.That(response?.Status, Is.EqualTo(200), "GET /feedback must show the feedback page (SPEC: a form and the visible entries); a 404 means the feedback feature is missing from this build");

        var message = page.Locator("form textarea[name=message], form input[name=message]").First;
        await message.FillAsync("Works without JavaScript, thank you!");
        await page.Locator("form:has([name=message]) button[type=submit], form:has([name=message]) input[type=submit], form:has([name=message]) button:not([type])").First.ClickAsync();
        await page.WaitForLoadStateAsync();

        await page.Screenshot("confirmation");
        Assert.That(page.Url, Does.Not.Contain("/status/"), "the post was answered with a page, not an error");
        Assert.That(await page.Locator("main a[href='/']").CountAsync(), Is.GreaterThan(0), "the confirmation page links home");
        Assert.That(await page.Locator("body").TextContentAsync(), Does.Contain("thank").IgnoreCase.Or.Contain("received").IgnoreCase.Or.Contain("sent").IgnoreCase.Or.Contain("submitted").IgnoreCase, "the page confirms the feedback was received");
    }
}
