using Remandzana.Tests.Support;
using Remandzana.Web.Operator;

namespace Remandzana.Tests.Browser;

/// <summary>
/// The console in script-less Chromium and in Firefox ESR with scripts and cookies off (Tor
/// Browser's engine on "Safest"): signed in with HTTP Basic as a person types the name and
/// password at the prompt, the pages open, a form posts, and axe-core finds nothing.
/// </summary>
[Category("Browser")]
public sealed class OperatorConsoleInBrowsers() : BrowserFixture(ConsoleOperators.Settings())
{
    [Test]
    public async Task ChromiumSignsInAndSeesTheOverview()
    {
        var page = await Chromium.NewSignedInTab(App.BaseAddress, ConsoleOperators.Admin, ConsoleOperators.Password);

        var answer = await page.GotoAsync("/operator");

        Assert.That(answer?.Status, Is.EqualTo(200));
        Assert.That(await page.Locator("h1").TextContentAsync(), Is.EqualTo("Overview"));
        Assert.That(await page.Locator("nav.console-nav a[href='/operator/settings']").CountAsync(), Is.EqualTo(1), "an Admin's menu");
        await page.Screenshot("overview-1280x800");
        await page.SetViewportSizeAsync(Chromium.Phone.Width, Chromium.Phone.Height);
        await page.Screenshot("overview-390");
    }

    [Test]
    public async Task ChromiumAddsANoteToTheAuditLogThroughTheForm()
    {
        var page = await Chromium.NewSignedInTab(App.BaseAddress, ConsoleOperators.Moderator, ConsoleOperators.Password);
        await page.GotoAsync("/operator/audit");

        await page.FillAsync("#note", "Handed over to the night shift");
        await page.ClickAsync("button[type=submit]");

        await page.WaitForURLAsync("**/operator/audit");
        Assert.That(await page.Locator("table.console-table tbody tr").First.TextContentAsync(), Does.Contain("Handed over to the night shift").And.Contain(ConsoleOperators.Moderator));
        await page.Screenshot("audit-1280x800");
        await page.SetViewportSizeAsync(Chromium.Phone.Width, Chromium.Phone.Height);
        await page.Screenshot("audit-390");
    }

    [TestCase("/operator")]
    [TestCase("/operator/audit")]
    public async Task AConsolePageHasNoViolations(string path)
    {
        foreach (var viewport in new[] { Chromium.Desktop, Chromium.Phone })
        {
            var page = await Chromium.NewSignedInAuditTab(App.BaseAddress, ConsoleOperators.Admin, ConsoleOperators.Password, viewport);
            await page.GotoAsync(path);
            await page.AssertNoViolations($"{path} at {viewport.Width} px");
            await page.Context.CloseAsync();
        }
    }

    [Test]
    public async Task FirefoxSignsInAndSeesTheOverview()
    {
        var firefox = await Firefox.Shared();
        await using var tab = await firefox.NewSignedInTab(App.BaseAddress, ConsoleOperators.Moderator, ConsoleOperators.Password);

        await tab.GoTo("/operator");

        var page = await tab.WaitFor(document => document.QuerySelector("h1")?.TextContent == "Overview", "the overview");
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector(".console-who")?.TextContent, Does.Contain(ConsoleOperators.Moderator));
            Assert.That(page.QuerySelector("nav.console-nav a[href='/operator/settings']"), Is.Null, "a Moderator's menu");
        });
        await tab.GoTo("/operator/audit");
        var audit = await tab.WaitFor(document => document.QuerySelector("h1")?.TextContent == "Audit log", "the audit page");
        Assert.That(audit.QuerySelector($"form input[name={OperatorFormTokens.Field}]"), Is.Not.Null);
        await tab.Screenshot("audit");
    }
}
