using Microsoft.Playwright;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Browser;

/// <summary>The whole flow with the keyboard alone, in script-less Chromium: no click, no script.</summary>
[Category("Browser")]
public sealed class KeyboardOnlyInChromium : BrowserFixture
{
    [Test]
    public async Task AMessageIsSentAndANewConversationStartedWithTheKeyboardAlone()
    {
        var page = await Chromium.Open(App.BaseAddress, "/two");
        var stranger = await App.OpenChat("/two");
        await page.WaitForLine(Notices.FoundStranger);
        await page.MessageField().WaitForAsync();

        // From the top of the page: the skip link is the first stop, and it leads into the form.
        await PressUntil(page, "Shift+Tab", page.Locator("a.skip-link:focus"), "the skip link");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        Assert.That(await FocusedField(page).CountAsync(), Is.EqualTo(1), "Tab after the skip link lands in the message field");

        await page.Keyboard.TypeAsync("Typed without a mouse");
        await page.Keyboard.PressAsync("Enter");
        await stranger.WaitForLine("Stranger: Typed without a mouse");
        await page.WaitForLine("You: Typed without a mouse");

        // The answer puts the field back in focus: the next message needs no Tab.
        await FocusedField(page).WaitForAsync();
        await page.Keyboard.TypeAsync("And again");
        await page.Keyboard.PressAsync("Enter");
        await stranger.WaitForLine("Stranger: And again");

        await FocusedField(page).WaitForAsync();
        await PressUntil(page, "Shift+Tab", page.Locator("a.start-over:focus"), "the New conversation link");
        await page.Keyboard.PressAsync("Enter");
        await stranger.WaitForLine(Notices.StrangerLeft);
        await page.Line("Typed without a mouse").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await page.WaitForLine(Notices.LookingForStranger);
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/two"), "a new conversation in the same mode");

        await stranger.DisposeAsync();
        await page.Context.CloseAsync();
    }

    private static ILocator FocusedField(IPage page) => page.FrameLocator("iframe.send").Locator("input[name=message]:focus");

    /// <summary>Presses <paramref name="key"/> until <paramref name="focused"/> has the focus, at most twelve times.</summary>
    private static async Task PressUntil(IPage page, string key, ILocator focused, string what)
    {
        for (var presses = 0; await focused.CountAsync() == 0; presses++)
        {
            Assert.That(presses, Is.LessThan(12), $"{key} never reached {what}");
            await page.Keyboard.PressAsync(key);
        }
    }

    [TearDown]
    public Task EveryoneLeft() => App.WaitUntilEveryoneHasLeft();
}
