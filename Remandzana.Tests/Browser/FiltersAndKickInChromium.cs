using Microsoft.Playwright;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Browser;

/// <summary>/operator/filters and /operator/kick in script-less Chromium, signed in with Basic credentials: the forms work, axe finds nothing.</summary>
[Category("Browser")]
public sealed class FiltersAndKickInChromium
{
    private Chromium _chromium = null!;
    private RemandzanaApp _app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _chromium = await Chromium.Launch();
        _app = new RemandzanaApp(ConsoleOperators.Settings());
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
    public async Task TheFiltersPageAddsAFilterRefusesABadPatternAndHasNoViolations()
    {
        var page = await _chromium.NewSignedInTab(_app.BaseAddress, ConsoleOperators.Admin, ConsoleOperators.Password);
        await page.GotoAsync("/operator/filters");
        await page.Locator("#filter-text").FillAsync("darn");
        await page.Locator("#filter-action").SelectOptionAsync("Replace");
        await page.Locator("#filter-replacement").FillAsync("d***");
        await page.Locator("button", new PageLocatorOptions { HasText = "Add filter" }).ClickAsync();
        await page.Locator("table code", new PageLocatorOptions { HasText = "darn" }).WaitForAsync();
        await page.Locator("#filter-mode").SelectOptionAsync("Global");
        await page.Locator("#filter-kind").SelectOptionAsync("Pattern");
        await page.Locator("#filter-text").FillAsync("(a+)+$(");
        await page.Locator("button", new PageLocatorOptions { HasText = "Add filter" }).ClickAsync();
        await page.Locator(".console-problem").WaitForAsync();
        Assert.That(await page.Locator("#filter-text").InputValueAsync(), Is.EqualTo("(a+)+$("), "the typed pattern is kept");

        foreach (var size in (IEnumerable<(int Width, int Height)>)[Chromium.Desktop, Chromium.Phone])
        {
            var audit = await _chromium.NewSignedInAuditTab(_app.BaseAddress, ConsoleOperators.Admin, ConsoleOperators.Password, size);
            await audit.GotoAsync("/operator/filters");
            await audit.AssertNoViolations($"/operator/filters at {size.Width} px");
            var shot = await _chromium.NewSignedInTab(_app.BaseAddress, ConsoleOperators.Admin, ConsoleOperators.Password, size);
            await shot.GotoAsync("/operator/filters");
            await shot.Screenshot($"filters-{size.Width}x{size.Height}");
        }

        var refused = await _chromium.NewSignedInAuditTab(_app.BaseAddress, ConsoleOperators.Admin, ConsoleOperators.Password);
        await refused.GotoAsync("/operator/filters");
        await refused.Locator("#filter-kind").SelectOptionAsync("Pattern");
        await refused.Locator("#filter-text").FillAsync(@"(a)\1");
        await refused.Locator("button", new PageLocatorOptions { HasText = "Add filter" }).ClickAsync();
        await refused.Locator(".console-problem").WaitForAsync();
        await refused.AssertNoViolations("/operator/filters showing a refusal");
    }

    [Test]
    public async Task TheKickPageSaysWhenNobodyGoesByANicknameAndHasNoViolations()
    {
        var page = await _chromium.NewSignedInTab(_app.BaseAddress, ConsoleOperators.Admin, ConsoleOperators.Password);
        await page.GotoAsync("/operator/kick");
        await page.Locator("#kick-nickname").FillAsync("Nobody_here");
        await page.Locator("#kick-message").FillAsync("Please be kind.");
        await page.Locator("#kick-bar").FillAsync("60");
        await page.Locator("button", new PageLocatorOptions { HasText = "Kick" }).ClickAsync();
        await page.Locator(".console-problem", new PageLocatorOptions { HasText = "Nobody in global chat goes by" }).WaitForAsync();
        Assert.That(await page.Locator("#kick-message").InputValueAsync(), Is.EqualTo("Please be kind."));

        foreach (var size in (IEnumerable<(int Width, int Height)>)[Chromium.Desktop, Chromium.Phone])
        {
            var audit = await _chromium.NewSignedInAuditTab(_app.BaseAddress, ConsoleOperators.Admin, ConsoleOperators.Password, size);
            await audit.GotoAsync("/operator/kick");
            await audit.AssertNoViolations($"/operator/kick at {size.Width} px");
            var shot = await _chromium.NewSignedInTab(_app.BaseAddress, ConsoleOperators.Admin, ConsoleOperators.Password, size);
            await shot.GotoAsync("/operator/kick");
            await shot.Screenshot($"kick-{size.Width}x{size.Height}");
        }

        var refused = await _chromium.NewSignedInAuditTab(_app.BaseAddress, ConsoleOperators.Admin, ConsoleOperators.Password);
        await refused.GotoAsync("/operator/kick");
        await refused.Locator("#kick-nickname").FillAsync("Nobody_here");
        await refused.Locator("#kick-message").FillAsync("Please be kind.");
        await refused.Locator("#kick-bar").FillAsync("soon");
        await refused.Locator("button", new PageLocatorOptions { HasText = "Kick" }).ClickAsync();
        await refused.Locator(".console-problem").WaitForAsync();
        await refused.AssertNoViolations("/operator/kick showing a refusal");
    }
}
