using Microsoft.Playwright;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Browser;

/// <summary>
/// The send form from a small phone (320 px) to a desktop, in script-less Chromium: the message
/// field is the widest control at every width, and on a narrow screen Save and Report fold under
/// one More control that the keyboard opens and walks through.
/// </summary>
[Category("Browser")]
public sealed class NarrowScreensInChromium : BrowserFixture
{
    [Test]
    public async Task TheMessageFieldIsTheWidestControlAtEveryWidthAndMoreOpensSaveAndReportFromTheKeyboard()
    {
        var (alice, bob) = await Chromium.OpenPair(App.BaseAddress, viewport: Chromium.Phone);
        var form = alice.FrameLocator("iframe.send");
        await bob.Say("Can you read this on a phone?");
        await alice.WaitForLine("Stranger: Can you read this on a phone?");

        foreach (var width in new[] { 320, 390, 1280 })
        {
            await alice.SetViewportSizeAsync(width, 800);
            await AssertTheFieldIsTheWidestControl(alice, $"a conversation at {width} px");
            var folded = width < 544;
            Assert.That(await alice.MoreMenu().IsVisibleAsync(), Is.EqualTo(folded), $"More is shown at {width} px only on a narrow screen");
            Assert.That(await form.Locator("form.report button").IsVisibleAsync(), Is.EqualTo(!folded), $"Report stands beside Send at {width} px only on a wide screen");
            Assert.That(await form.Locator("form.compose > button.save").IsVisibleAsync(), Is.EqualTo(!folded), $"Save stands beside Send at {width} px only on a wide screen");
        }

        await alice.Screenshot("1280x800");
        await alice.SetViewportSizeAsync(Chromium.Phone.Width, Chromium.Phone.Height);
        await alice.Screenshot("390-more-closed");

        // Keyboard alone: from the field, Tab reaches Send, then More; Enter opens it; Tab reaches Save, then Report.
        await alice.MessageField().FocusAsync();
        await alice.Keyboard.PressAsync("Tab");
        Assert.That(await form.Locator("form.compose > button:not(.save):focus").CountAsync(), Is.EqualTo(1), "Tab from the field reaches Send");
        await alice.Keyboard.PressAsync("Tab");
        Assert.That(await form.Locator("details.more > summary:focus").CountAsync(), Is.EqualTo(1), "the next Tab reaches More");
        Assert.That(await alice.MoreMenu().InnerTextAsync(), Does.StartWith("More"));
        await alice.Keyboard.PressAsync("Enter");
        Assert.That(await form.Locator("details.more[open]").CountAsync(), Is.EqualTo(1), "Enter opens More");
        Assert.That(await form.GetByRole(AriaRole.Button, new() { Name = "Save conversation", Exact = true }).CountAsync(), Is.EqualTo(1), "one Save button is on screen, named in full");
        Assert.That(await form.GetByRole(AriaRole.Button, new() { Name = "Report", Exact = true }).CountAsync(), Is.EqualTo(1), "one Report button is on screen");
        await alice.Keyboard.PressAsync("Tab");
        Assert.That(await form.Locator("details.more button.save:focus").CountAsync(), Is.EqualTo(1), "Tab reaches Save under More");
        await alice.Keyboard.PressAsync("Tab");
        Assert.That(await form.Locator("details.more button.report:focus").CountAsync(), Is.EqualTo(1), "the next Tab reaches Report under More");
        await alice.Screenshot("390-more-open");

        // Report under More posts the Report form: the reporter is thanked and the stranger is gone.
        await alice.Keyboard.PressAsync("Enter");
        await form.Locator(".reported", new() { HasText = Notices.ReportThanks }).WaitForAsync();
        await bob.WaitForLine(Notices.StrangerLeft);

        foreach (var width in new[] { 320, 390 })
        {
            await alice.SetViewportSizeAsync(width, 800);
            await AssertTheFieldIsTheWidestControl(alice, $"the ended form at {width} px");
        }

        await alice.Screenshot("ended");
        await alice.Context.CloseAsync();
        await bob.Context.CloseAsync();
    }

    [TestCase("ru", "Отправить")]
    [TestCase("ar", "إرسال")]
    public async Task TheLongestWordsLeaveTheFieldTheWidestControlAt320Px(string language, string send)
    {
        var page = await Chromium.Open(App.BaseAddress, $"/three?lang={language}", (320, 800));
        var form = page.FrameLocator("iframe.send");
        await page.MoreMenu().WaitForAsync();

        await AssertTheFieldIsTheWidestControl(page, $"the form in {language} at 320 px");
        Assert.That(await form.GetByRole(AriaRole.Button, new() { Name = send, Exact = true }).CountAsync(), Is.EqualTo(1), "Send keeps its name");
        await page.Screenshot(language);
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task TheAskersFormKeepsSaveBesideAskAt320Px()
    {
        var page = await Chromium.Open(App.BaseAddress, "/question/ask", (320, 800));
        var form = page.FrameLocator("iframe.send");
        await page.WaitForLine(Notices.AskForQuestion);
        await page.MessageField().WaitForAsync();

        await AssertTheFieldIsTheWidestControl(page, "the asker's form at 320 px");
        Assert.That(await form.GetByRole(AriaRole.Button, new() { Name = "Save conversation", Exact = true }).CountAsync(), Is.EqualTo(1), "Save is on screen (nothing folds where there is no Report)");
        Assert.That(await form.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).CountAsync(), Is.EqualTo(1), "Ask keeps its name");
        await page.Context.CloseAsync();
    }

    private static async Task AssertTheFieldIsTheWidestControl(IPage page, string what)
    {
        var field = await page.MessageField().BoundingBoxAsync() ?? throw new AssertionException($"the message field is not displayed in {what}");
        var controls = await page.FrameLocator("iframe.send").Locator("button:visible, summary:visible").AllAsync();
        foreach (var control in controls)
        {
            var box = await control.BoundingBoxAsync() ?? throw new AssertionException($"a control is not displayed in {what}");
            var name = (await control.InnerTextAsync()).Trim();
            Assert.That(field.Width, Is.GreaterThan(box.Width), $"the message field ({field.Width:0} px) is wider than \"{name}\" ({box.Width:0} px) in {what}");
        }
    }
}
