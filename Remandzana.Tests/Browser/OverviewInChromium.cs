using System.Net;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Browser;

/// <summary>The overview with people chatting, in script-less Chromium: its hour's lines are drawn, and axe-core finds nothing at either width.</summary>
[Category("Browser")]
public sealed class OverviewInChromium() : BrowserFixture(ConsoleOperators.Settings(new Dictionary<string, string?> { ["Remandzana:Limits:SendBurst"] = "3" }))
{
    [Test]
    public async Task TheOverviewOfABusySiteDrawsItsLinesAndHasNoViolations()
    {
        var (alice, bob) = await App.OpenPair();
        await using var _ = alice;
        await using var __ = bob;
        await using var global = await App.OpenChat("/global");
        foreach (var text in new[] { "hello", "how are you?", "fine" })
        {
            await alice.Send(text);
        }

        Assert.That((await alice.Send("too fast")).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));

        var page = await Chromium.NewSignedInTab(App.BaseAddress, ConsoleOperators.Moderator, ConsoleOperators.Password);
        Assert.That((await page.GotoAsync("/operator"))?.Status, Is.EqualTo(200));
        var line = page.GetByRole(Microsoft.Playwright.AriaRole.Img, new() { Name = "Messages per minute over the last hour", Exact = false }).First;
        Assert.That(await line.BoundingBoxAsync(), Has.Property("Width").GreaterThan(50).And.Property("Height").GreaterThan(10), "drawn, not hidden");
        await page.Screenshot("overview-1280x800");
        await page.SetViewportSizeAsync(Chromium.Phone.Width, Chromium.Phone.Height);
        await page.Screenshot("overview-390");
        await page.Context.CloseAsync();

        foreach (var viewport in new[] { Chromium.Desktop, Chromium.Phone })
        {
            var audit = await Chromium.NewSignedInAuditTab(App.BaseAddress, ConsoleOperators.Moderator, ConsoleOperators.Password, viewport);
            await audit.GotoAsync("/operator");
            await audit.AssertNoViolations($"/operator with people chatting at {viewport.Width} px");
            await audit.Context.CloseAsync();
        }
    }
}
