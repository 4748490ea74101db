using AngleSharp.Dom;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Browser;

/// <summary>Two strangers in Firefox ESR (Tor Browser's engine) with scripts and cookies off.</summary>
[Category("Browser")]
public sealed class TwoStrangersInFirefox : SharedAppFixture
{
    [Test]
    public async Task TwoWindowsChatBothWaysAndClosingOneTellsThePartner()
    {
        var firefox = await Firefox.Shared();
        var (alice, bob) = await firefox.OpenPair(App.BaseAddress);
        await using var _ = alice;
        await using var __ = bob;
        var alicesPage = await alice.Document();


        await alice.Say("Hello from Firefox without scripts");
        await bob.WaitForLine("Stranger: Hello from Firefox without scripts");
        await alice.WaitForLine("You: Hello from Firefox without scripts");
        await bob.Say("Hi! Same here.");
        await alice.WaitForLine("Stranger: Hi! Same here.");
        await bob.WaitForLine("You: Hi! Same here.");
        await alice.Say("The newest line is on top.");
        await bob.WaitForLine("Stranger: The newest line is on top.");
        await alice.WaitForLine("You: The newest line is on top.");

        // The send form came back empty and focused: ready for the next message without a click.
        await alice.WaitForFocus("message");
        var stylesheet = await alice.WaitForResponse(alicesPage.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!);
        Assert.That(stylesheet.Status, Is.EqualTo(200));
        Assert.That(stylesheet.ContentType, Does.StartWith("text/css"));
        await alice.Screenshot("alice");

        await alice.DisposeAsync();

        await bob.WaitForLine(Notices.StrangerLeft);
        var ended = await bob.WaitFor(page => page.QuerySelector("i.hb.ended") is not null, "the 'ended' light");
        Assert.That(ended.Lines()[^1], Is.EqualTo(Notices.ConversationOver), "the last line written (shown on top) says the conversation is over");
        Assert.That(ended.Lines(), Does.Contain(Notices.StrangerLeft));
        await bob.Screenshot("bob-ended");
    }
}
