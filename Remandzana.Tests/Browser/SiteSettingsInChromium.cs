using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Remandzana.Domain.Site;
using Remandzana.Tests.Support;
using Remandzana.Web.Operator;

namespace Remandzana.Tests.Browser;

/// <summary>/operator/settings in a browser without scripts: an Admin switches the captcha to Always and the next chat page asks; the page and the closed page pass axe.</summary>
[Category("Browser")]
public sealed class SiteSettingsInChromium
{
    private RemandzanaApp _app = null!;
    private Chromium _chromium = null!;

    [OneTimeSetUp]
    public async Task StartAppAndBrowser()
    {
        _chromium = await Chromium.Launch();
        _app = new RemandzanaApp(ConsoleOperators.Settings(new Dictionary<string, string?> { ["Remandzana:Captcha:Mode"] = "Off" }));
    }

    [OneTimeTearDown]
    public async Task StopAppAndBrowser()
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

    [TearDown]
    public async Task BackToAppsettings()
    {
        var settings = _app.Services.GetRequiredService<SiteSettings>();
        await settings.Change(grain => grain.SetCaptcha(null, null));
        await settings.Change(grain => grain.SetLockdown(null));
        await settings.Change(grain => grain.SetNotice(null, null));
    }

    [Test]
    public async Task AnAdminSwitchesTheCaptchaToAlwaysAndTheNextChatPageAsksForIt()
    {
        var console = await _chromium.NewSignedInTab(_app.BaseAddress, ConsoleOperators.Admin, ConsoleOperators.Password);
        await console.GotoAsync("/operator/settings");

        await console.Locator("#captcha-mode").SelectOptionAsync("Always");
        await console.GetByRole(AriaRole.Button, new() { Name = "Save captcha" }).ClickAsync();
        await console.Locator("#captcha-title + p", new() { HasText = "In force: Always" }).WaitForAsync();

        var visitor = await _chromium.NewTab(_app.BaseAddress);
        await visitor.GotoAsync("/two");
        await visitor.Locator("form.captcha-form img").WaitForAsync();
    }

    [TestCase(1280, 800)]
    [TestCase(390, 844)]
    public async Task TheSettingsPageAndTheClosedPageHaveNoAccessibilityViolations(int width, int height)
    {
        var settings = _app.Services.GetRequiredService<SiteSettings>();
        await settings.Change(grain => grain.SetNotice("Maintenance tonight at 22:00 UTC; chats may end for a minute.", new Dictionary<string, string> { ["es"] = "Mantenimiento esta noche a las 22:00 UTC." }));

        var console = await _chromium.NewSignedInTab(_app.BaseAddress, ConsoleOperators.Admin, ConsoleOperators.Password, (width, height));
        await console.GotoAsync("/operator/settings");
        await console.Screenshot($"settings-{width}x{height}");
        // A refused change, as an Admin sees it.
        await console.Locator("#captcha-pressure").FillAsync("0");
        await console.GetByRole(AriaRole.Button, new() { Name = "Save captcha" }).ClickAsync();
        await console.Locator("[role=alert]").WaitForAsync();
        await console.Screenshot($"settings-refused-{width}x{height}");
        var audit = await _chromium.NewSignedInAuditTab(_app.BaseAddress, ConsoleOperators.Admin, ConsoleOperators.Password, (width, height));
        await audit.GotoAsync("/operator/settings");
        await audit.AssertNoViolations("/operator/settings");
        // The policy tables scroll in their own box; nothing in them (their hidden labels included) widens the page.
        Assert.That(await audit.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(width), "the page fits the screen's width");

        var chat = await _chromium.Open(_app.BaseAddress, "/two?lang=es", (width, height));
        await chat.Locator(".log .line.site-notice", new() { HasText = "Mantenimiento esta noche" }).WaitForAsync();
        await chat.Screenshot($"chat-notice-{width}x{height}");
        await chat.Context.CloseAsync();

        await settings.Change(grain => grain.SetLockdown(Lockdown.NoNewChats));
        var visitor = await _chromium.NewTab(_app.BaseAddress, (width, height));
        await visitor.GotoAsync("/two?lang=es");
        await visitor.Locator("h1", new() { HasText = "Cerrado por ahora" }).WaitForAsync();
        await visitor.Screenshot($"closed-{width}x{height}");
        var closedAudit = await _chromium.NewAuditTab(_app.BaseAddress, (width, height));
        await closedAudit.GotoAsync("/two");
        await closedAudit.AssertNoViolations("the closed page");
        var home = await _chromium.NewTab(_app.BaseAddress, (width, height));
        await home.GotoAsync("/");
        await home.Screenshot($"home-notice-{width}x{height}");
        var homeAudit = await _chromium.NewAuditTab(_app.BaseAddress, (width, height));
        await homeAudit.GotoAsync("/?lang=ar");
        await homeAudit.AssertNoViolations("the home page with a notice");
    }
}
