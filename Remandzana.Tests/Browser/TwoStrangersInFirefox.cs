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

    /// <summary>
    /// During a live conversation New conversation asks first; "Yes, end it", reached with Tab and
    /// followed with Enter, tells the partner at once, whose ended page asks nothing. The summary is
    /// clicked: Enter on a summary (this one or "Other modes") sent over WebDriver BiDi does not open
    /// it in Firefox ESR 153 with scripts off, where a click does.
    /// </summary>
    [Test]
    public async Task EndingALiveConversationAsksFirstAndYesTellsThePartner()
    {
        var firefox = await Firefox.Shared();
        var (alice, bob) = await firefox.OpenPair(App.BaseAddress);
        await using var _ = alice;
        await using var __ = bob;
        Assert.That((await alice.Property("nav a.start-over", "offsetWidth")).GetDouble(), Is.Zero, "the one-step link gives way to the question");

        await alice.Click("nav details.end-chat summary");
        await alice.WaitUntil(async () => (await alice.Property("nav details.end-chat", "open")).GetBoolean(), "the question to open");
        await alice.PressTab();
        Assert.That(await alice.HasFocus("nav button.end-chat-yes"), Is.True, "Tab after New conversation lands on \"Yes, end it\"");
        await alice.Screenshot("asked");
        await alice.PressEnter();

        await bob.WaitForLine(Notices.StrangerLeft);
        await bob.WaitFor(page => page.QuerySelector("i.hb.ended") is not null, "the 'ended' light");
        Assert.That((await bob.Property("nav details.end-chat", "offsetWidth")).GetDouble(), Is.Zero, "an ended page asks nothing");
        Assert.That((await bob.Property("nav a.start-over", "offsetWidth")).GetDouble(), Is.GreaterThan(0), "an ended page keeps the one-step link");
    }
}
