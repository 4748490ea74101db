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

        // During the conversation, New conversation asks first; Yes is the next Tab stop.
        await FocusedField(page).WaitForAsync();
        await PressUntil(page, "Shift+Tab", page.Locator("details.end-chat summary:focus"), "New conversation");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        Assert.That(await page.Locator("button.end-chat-yes:focus").CountAsync(), Is.EqualTo(1), "Tab after New conversation lands on \"Yes, end it\"");
        await page.Keyboard.PressAsync("Enter");
        await stranger.WaitForLine(Notices.StrangerLeft);
        await page.Line("Typed without a mouse").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await page.WaitForLine(Notices.LookingForStranger);
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/two"), "a new conversation in the same mode");

        await stranger.DisposeAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// "End this chat?" comes only while the conversation is live: a waiting page and an ended page
    /// keep the one-step link. A screen reader hears the question when it opens; "Keep chatting"
    /// closes it and the chat goes on; "Yes, end it" leaves at once and the partner is told.
    /// </summary>
    [Test]
    public async Task OnlyALiveConversationAsksBeforeEndingAndKeepChattingKeepsIt()
    {
        var alice = await Chromium.Open(App.BaseAddress, "/two");
        await alice.WaitForLine(Notices.LookingForStranger);
        await AssertOneStep(alice, "while waiting");

        var bob = await Chromium.Open(App.BaseAddress, "/two");
        await alice.WaitForLine(Notices.FoundStranger);
        await bob.WaitForLine(Notices.FoundStranger);
        var summary = alice.Locator("nav details.end-chat summary");
        var yes = alice.Locator("nav button.end-chat-yes");
        await summary.WaitForAsync();
        Assert.That(await alice.Locator("nav a.start-over").IsVisibleAsync(), Is.False, "the one-step link gives way to the question");
        Assert.That(await summary.InnerTextAsync(), Is.EqualTo("New conversation"));
        Assert.That(await yes.IsVisibleAsync(), Is.False, "nothing is asked before New conversation is pressed");
        await alice.Screenshot("live");

        await PressUntil(alice, "Shift+Tab", alice.Locator("nav details.end-chat summary:focus"), "New conversation");
        await alice.Keyboard.PressAsync("Enter");
        await yes.WaitForAsync();
        Assert.That(await summary.InnerTextAsync(), Is.EqualTo("Keep chatting"), "the same key again keeps the chat");
        var tree = await AccessibilityTree.Of(alice);
        var alert = tree.Find("alert") ?? throw new AssertionException("the question is not an alert for assistive technology");
        Assert.Multiple(() =>
        {
            Assert.That(tree.TextsUnder(alert), Is.EqualTo(new[] { "End this chat?" }));
            Assert.That(tree.FindNamed("End this chat?", "group"), Is.Not.Null, "Yes is inside a group named by the question");
            Assert.That(tree.FindNamed("Yes, end it", "button"), Is.Not.Null);
            // Chromium names the summary of a details in a group (name="…") DisclosureTriangleGrouped.
            var toggle = tree.FindNamed("Keep chatting", "DisclosureTriangle", "DisclosureTriangleGrouped") ?? throw new AssertionException("no \"Keep chatting\" disclosure");
            Assert.That(AccessibilityTree.Property(toggle, "expanded"), Is.EqualTo("True").IgnoreCase);
        });
        await alice.Screenshot("asked");

        await alice.Keyboard.PressAsync("Enter");
        await yes.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
        Assert.That(await summary.InnerTextAsync(), Is.EqualTo("New conversation"));
        await bob.Say("Still here?");
        await alice.WaitForLine("Stranger: Still here?");

        await alice.Keyboard.PressAsync("Enter");
        await alice.Keyboard.PressAsync("Tab");
        await alice.Keyboard.PressAsync("Enter");
        await bob.WaitForLine(Notices.StrangerLeft);
        await bob.WaitForLoadStateAsync(LoadState.Load);
        await AssertOneStep(bob, "once the conversation has ended");
        await bob.Screenshot("partner-ended");

        await alice.Line("Still here?").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await alice.WaitForLine(Notices.LookingForStranger);
        await AssertOneStep(alice, "in the next conversation, while it waits");

        await alice.Context.CloseAsync();
        await bob.Context.CloseAsync();
    }

    private static async Task AssertOneStep(IPage page, string when)
    {
        Assert.That(await page.Locator("nav a.start-over").IsVisibleAsync(), Is.True, $"the one-step link is there {when}");
        Assert.That(await page.Locator("nav details.end-chat").IsVisibleAsync(), Is.False, $"nothing is asked {when}");
    }

    /// <summary>
    /// After a conversation ended, "Don't match me with them again" is reached and pressed with the
    /// keyboard; the confirmation says so and its "New conversation" starts over in the whole page.
    /// </summary>
    [Test]
    public async Task DontMatchMeWithThemAgainIsPressedWithTheKeyboardAfterTheEnd()
    {
        var page = await Chromium.Open(App.BaseAddress, "/two", forwardedFor: "198.51.100.21");
        var stranger = await App.OpenChat("/two", System.Net.IPAddress.Parse("127.0.0.71"));
        await page.WaitForLine(Notices.FoundStranger);
        var onThePage = page.Locator("header form.avoid-after button");
        Assert.That(await onThePage.IsVisibleAsync(), Is.False, "not while the conversation is live");
        await stranger.DisposeAsync();
        await page.WaitForLine(Notices.StrangerLeft);
        // The page itself offers it as soon as the conversation ends (the stylesheet reads the log); the ended form offers it too.
        await onThePage.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.Screenshot("ended-with-avoid");

        await FocusedField(page).WaitForAsync();
        await page.Keyboard.TypeAsync("Still there?");
        await page.Keyboard.PressAsync("Enter");
        var avoid = page.FrameLocator("iframe.send").Locator("form.avoid button");
        await avoid.WaitForAsync();
        await PressUntil(page, "Tab", page.FrameLocator("iframe.send").Locator("form.avoid button:focus"), "Don't match me with them again");
        Assert.That(await avoid.InnerTextAsync(), Is.EqualTo("Don't match me with them again"));
        await page.Keyboard.PressAsync("Enter");

        var confirmation = page.FrameLocator("iframe.send").Locator("p.avoided[role=status]");
        await confirmation.WaitForAsync();
        Assert.That(await confirmation.InnerTextAsync(), Is.EqualTo("You won't be matched with them for 24 hours."));
        await PressUntil(page, "Tab", page.FrameLocator("iframe.send").Locator("a.start-again:focus"), "New conversation");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLine(Notices.LookingForStranger);
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/two"), "the whole page starts over, not the frame");
        Assert.That(await page.Locator("iframe.send").CountAsync(), Is.EqualTo(1));

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
