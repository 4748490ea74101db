using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Browser;

[Category("Browser")]
public sealed class GlobalChatInChromium : BrowserFixture
{
    [Test]
    public async Task ThreeBrowsersShareTheRoomAndANicknameShowsToEveryone()
    {
        var zed = await Chromium.Open(App.BaseAddress, "/global");
        await zed.WaitForLine(Notices.Welcome(1).English);
        var second = await Chromium.Open(App.BaseAddress, "/global");
        await second.WaitForLine(Notices.Welcome(2).English);
        var third = await Chromium.Open(App.BaseAddress, "/global", Chromium.Phone);
        await third.WaitForLine(Notices.Welcome(3).English);
        await zed.WaitForLine(Notices.Joined("Anonymous").English);

        await zed.Say("/nick Zed");
        await zed.WaitForLine(Notices.NickChanged("Zed").English);
        await zed.Say("Hello, everyone!");

        await second.WaitForLine("Zed: Hello, everyone!");
        await third.WaitForLine("Zed: Hello, everyone!");
        await zed.WaitForLine("Zed (You): Hello, everyone!");
        Assert.That(await second.Line("/nick").CountAsync(), Is.Zero, "a command is echoed to its author only");

        await third.Say("Hi Zed");
        await zed.WaitForLine("Anonymous: Hi Zed");
        await third.WaitForLine("Anonymous (You): Hi Zed");

        await zed.AssertLayout();
        await third.AssertLayout();
        await zed.Screenshot("zed");
        await third.Screenshot("third-phone");

        await third.Context.CloseAsync();
        await zed.WaitForLine(Notices.Left("Anonymous").English);
        await zed.Context.CloseAsync();
        await second.Context.CloseAsync();
    }
}
