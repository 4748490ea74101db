using Microsoft.Playwright;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Browser;

[Category("Browser")]
public sealed class InterestsAndLanguagesInChromium : BrowserFixture
{
    [Test]
    public async Task TheHomePageTakesInterestsAndTheModesCarryThem()
    {
        var page = await Chromium.NewTab(App.BaseAddress);
        await page.GotoAsync("/");

        await page.Locator("input#interests").FillAsync("Music, chess");
        await page.Locator("form.interests-form button[type=submit]").ClickAsync();
        // The page the form leads to, by what only it has; not by a load event, which can be missed
        // between the new address arriving and the new document's load states.
        await page.WaitForURLAsync(url => url.Contains("interests="), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("a.big[href='/two?interests=music%2Cchess']").First.WaitForAsync();

        Assert.That(await page.Locator("input#interests").InputValueAsync(), Is.EqualTo("Music, chess"));
        await page.Screenshot("home-english");
    }

    [Test]
    public async Task TheArabicHomePageReadsRightToLeft()
    {
        var page = await Chromium.NewTab(App.BaseAddress);
        await page.GotoAsync("/?lang=ar&interests=music");

        Assert.That(await page.Locator("html").GetAttributeAsync("dir"), Is.EqualTo("rtl"));
        var heading = await page.Locator("main h1").BoundingBoxAsync();
        var field = await page.Locator("input#interests").BoundingBoxAsync();
        var width = page.ViewportSize!.Width;
        Assert.That(heading!.X + heading.Width, Is.GreaterThan(width / 2), "the heading starts on the right");
        Assert.That(field!.X + field.Width, Is.GreaterThan(width / 2));
        await page.Screenshot("home-arabic");
    }

    [Test]
    public async Task TwoBrowsersThatShareAnInterestAreToldSo()
    {
        var alice = await Chromium.Open(App.BaseAddress, "/two?interests=music,films", (1280, 800));
        var bob = await Chromium.Open(App.BaseAddress, "/two?interests=films", (1280, 800));

        await alice.WaitForLine("You both like films.");
        await bob.WaitForLine("You both like films.");
        await alice.Say("Seen anything good?");
        await bob.WaitForLine("Stranger: Seen anything good?");
        await alice.WaitForLine("You: Seen anything good?");
        Assert.That(await bob.Line(Notices.FoundStranger).CountAsync(), Is.EqualTo(1));
        await alice.AssertLayout();
        await alice.Screenshot("shared-interest");
        await alice.Context.CloseAsync();
        await bob.Context.CloseAsync();
    }
}
