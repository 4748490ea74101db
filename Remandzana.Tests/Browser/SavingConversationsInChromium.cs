using Microsoft.Playwright;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Browser;

/// <summary>"Save conversation" in script-less Chromium: the button downloads a file that opens, styled, in a browser without scripts.</summary>
[Category("Browser")]
public sealed class SavingConversationsInChromium : BrowserFixture
{
    [TestCase(1280, 800, TestName = "TheButtonDownloadsTheConversationAndTheFileOpensWithoutScript(desktop 1280×800)")]
    [TestCase(390, 844, TestName = "TheButtonDownloadsTheConversationAndTheFileOpensWithoutScript(phone 390×844)")]
    public async Task TheButtonDownloadsTheConversationAndTheFileOpensWithoutScript(int width, int height)
    {
        var (alice, bob) = await Chromium.OpenPair(App.BaseAddress, viewport: (width, height));

        await alice.Say("Shall we keep this conversation?");
        await bob.WaitForLine("Stranger: Shall we keep this conversation?");
        await bob.Say("Yes, <b>save</b> it & see.");
        await alice.WaitForLine("Stranger: Yes, <b>save</b> it & see.");
        await alice.MessageField().FillAsync("a draft that stays");

        if (await alice.MoreMenu().IsVisibleAsync())
        {
            await alice.MoreMenu().ClickAsync();
        }

        var save = alice.FrameLocator("iframe.send").GetByRole(AriaRole.Button, new() { Name = "Save conversation" });
        await save.FocusAsync();
        await alice.Screenshot($"chat-with-save-focused-{width}x{height}");
        var download = await alice.RunAndWaitForDownloadAsync(() => save.ClickAsync());

        Assert.That(download.SuggestedFilename, Does.Match(@"^remandzana-two-\d{8}-\d{6}Z\.html$"));
        Assert.That(await alice.MessageField().InputValueAsync(), Is.EqualTo("a draft that stays"), "the form stays as it was");
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots", $"saved-{width}x{height}.html");
        await download.SaveAsAsync(file);
        TestContext.AddTestAttachment(file, "the saved conversation");

        var opened = await Chromium.NewTab(App.BaseAddress, (width, height));
        await opened.GotoAsync(new Uri(file).AbsoluteUri);
        var lines = await opened.Locator(".lines .line").AllTextContentsAsync();
        Assert.That(lines[^2], Does.EndWith("You: Shall we keep this conversation?"));
        Assert.That(lines[^1], Does.EndWith("Stranger: Yes, <b>save</b> it & see."));
        await opened.Screenshot($"saved-file-{width}x{height}");

        await alice.Context.CloseAsync();
        await bob.Context.CloseAsync();
        await opened.Context.CloseAsync();
    }

    [TearDown]
    public Task EveryoneLeft() => App.WaitUntilEveryoneHasLeft();
}
