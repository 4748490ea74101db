using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

/// <summary>
/// A stream that ends without a leave holds its person in the room for Remandzana:Chat:ResumeSeconds;
/// the page's secret resume link brings them back as the same person with what they missed
/// (issue 25). Every test ends its conversation on purpose, so nobody is left held for the next.
/// </summary>
[Category("Web")]
public sealed class ResumingAfterADrop() : SharedAppFixture(new Dictionary<string, string?> { ["Remandzana:Chat:ResumeSeconds"] = "30" })
{
    [Test]
    public async Task ADroppedStreamIsWaitedForAndItsLinkBringsThePersonBackWithWhatTheyMissedOnce()
    {
        var alice = await App.OpenChat("/two");
        await using var bob = await App.OpenChat("/two");
        await alice.WaitForLine(Notices.FoundStranger);
        await bob.WaitForLine(Notices.FoundStranger);
        await alice.Send("before the drop");
        await bob.WaitForLine("before the drop");
        var link = alice.ResumeLink();
        var oldToken = alice.Token;

        await alice.DisposeAsync();
        await bob.WaitForLine("Stranger's connection dropped — waiting up to 30 s.");
        await bob.Send("are you there?");
        await bob.Send("hello?");

        await using var back = await App.OpenChat(link);
        await back.WaitForLine(Notices.YouAreBack);
        await bob.WaitForLine(Notices.StrangerIsBack);
        Assert.Multiple(() =>
        {
            Assert.That(back.LineTexts, Is.EqualTo(new[] { "Stranger: are you there?", "Stranger: hello?", Notices.YouAreBack }), "the missed lines first, once, in order");
            Assert.That(back.ResumeLink(), Is.Not.EqualTo(link), "the resumed page carries a new link");
            Assert.That(bob.LineTexts, Has.None.Contains(Notices.StrangerLeft));
        });

        Assert.That((await back.Send("back again")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await bob.WaitForLine("Stranger: back again");
        Assert.That((await back.Send("with the old form", token: oldToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same person: the old page's token still sends");
        await bob.WaitForLine("Stranger: with the old form");
        Assert.That(back.ChatTexts.Count(text => text.Contains("hello?", StringComparison.Ordinal)), Is.EqualTo(1));

        var (status, page) = await App.OpenSpent(link);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Gone), "a link is spent once used");
        Assert.That(page.QuerySelector("a.button[href='/two']")?.TextContent, Is.EqualTo("New conversation"));

        using var http = App.NewClient();
        await bob.EndOnPurpose(http);
        await back.WaitForLine(Notices.StrangerLeft);
        await back.WaitForEnd();
    }

    [Test]
    public async Task ALinkOpenedWhileItsPageStillStreamsTakesItOverAndNobodyElseIsTold()
    {
        await using var alice = await App.OpenChat("/two");
        await using var bob = await App.OpenChat("/two");
        await alice.WaitForLine(Notices.FoundStranger);
        await bob.WaitForLine(Notices.FoundStranger);

        await using var second = await App.OpenChat(alice.ResumeLink());
        await alice.WaitForEnd();
        await second.WaitForLine(Notices.YouAreBack);
        Assert.That(alice.LineTexts[^1], Is.EqualTo(Notices.TakenOver), "the old page ends with a line saying so");
        Assert.That(alice.Page.QuerySelectorAll(".log > .hb.ended"), Has.Length.EqualTo(1));

        await bob.Send("who reads this?");
        await second.WaitForLine("Stranger: who reads this?");
        Assert.That(bob.LineTexts, Has.None.Contains("dropped").And.None.Contains("back"), "a takeover is nothing the partner needs to hear about");

        using var http = App.NewClient();
        await second.EndOnPurpose(http);
        await bob.WaitForLine(Notices.StrangerLeft);
    }

    [Test]
    public async Task YesEndItLeavesAtOnceAndGoesToANewConversationOfTheSameMode()
    {
        await using var alice = await App.OpenChat("/two?lang=de");
        await using var bob = await App.OpenChat("/two?lang=de");
        await alice.WaitForLine("Du chattest jetzt");
        await bob.WaitForLine("Du chattest jetzt");
        var link = alice.ResumeLink();

        using var http = App.NewClient();
        using var answer = await alice.EndOnPurpose(http);
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(answer.Headers.Location?.OriginalString, Is.EqualTo("/two?lang=de"));
        await bob.WaitForLine("Die fremde Person hat die Verbindung getrennt.");
        await bob.WaitForEnd();
        Assert.That(bob.LineTexts, Has.None.Contains("abgebrochen"), "a leave on purpose is no drop");
        Assert.That((await App.OpenSpent(link)).Status, Is.EqualTo(HttpStatusCode.Gone));
    }

    [TestCase("")]
    [TestCase("?key=")]
    [TestCase("?key=not-a-link")]
    [TestCase("?key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AForgedLinkGetsAClearPageWithANewConversation(string query)
    {
        var (status, page) = await App.OpenSpent("/resume/three" + query);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("This link no longer works"));
        Assert.That(page.QuerySelector("a.button[href='/three']")?.TextContent, Is.EqualTo("New conversation"));
    }

    [Test]
    public async Task ATamperedLinkResumesNobody()
    {
        await using var alice = await App.OpenChat("/two");
        var link = alice.ResumeLink();
        var tampered = link[..^2] + (link[^2] == 'A' ? 'B' : 'A') + link[^1];
        Assert.That((await App.OpenSpent(tampered)).Status, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That((await App.OpenSpent(link.Replace("/resume/two", "/resume/nowhere", StringComparison.Ordinal))).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(alice.Ended, Is.False, "a wrong link does not touch the page it imitates");
    }

    [Test]
    public async Task TheSecretStaysOutOfTheRequestLog()
    {
        await using var alice = await App.OpenChat("/two");
        var link = alice.ResumeLink();
        var key = link[(link.IndexOf("key=", StringComparison.Ordinal) + 4)..];
        await App.OpenSpent("/resume/two?key=x" + key[1..]);
        await Eventually.That(() => App.Logs.Entries.Any(entry => entry.Message.Contains("/resume/two", StringComparison.Ordinal)), "the resume request in the log");
        Assert.That(App.Logs.Entries.Select(entry => entry.Message), Has.None.Contains(key[1..]));
        Assert.That(alice.Response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }), "the link is never sent on as a Referer");
    }

    [Test]
    public async Task InGlobalChatADropIsSilentAndTheReturnToo()
    {
        var first = await App.OpenChat("/global");
        await using var second = await App.OpenChat("/global");
        await second.WaitForLine("Welcome");
        await first.WaitForLine("joined");
        var link = first.ResumeLink();
        await first.DisposeAsync();
        // Silent in global chat, so the server's own record says when the drop was noticed: a line
        // written into the dying connection before that is lost with it (README, "If your connection drops").
        var sessions = App.Services.GetRequiredService<Remandzana.Web.Sessions.LocalSessions>();
        await Eventually.That(() => sessions.All.Any(session => session.Held), "the dropped page to be held");
        await second.Send("anyone?");
        await using var back = await App.OpenChat(link);
        await back.WaitForLine(Notices.YouAreBack);
        Assert.That(back.ChatTexts, Is.EqualTo(new[] { "Anonymous: anyone?" }));
        await second.Send("/ping");
        await second.WaitForLine(Notices.Pong);
        Assert.That(second.LineTexts.Count(text => text.Contains("left", StringComparison.Ordinal) || text.Contains("dropped", StringComparison.Ordinal) || text.Contains("back", StringComparison.Ordinal)), Is.Zero);

        using var http = App.NewClient();
        await back.EndOnPurpose(http);
        await second.WaitForLine("Anonymous left.");
        await second.EndOnPurpose(http);
    }

    [TestCase("//evil.example/two")]
    [TestCase("https://evil.example/")]
    [TestCase("/TWO")]
    [TestCase("/two/")]
    public async Task LeaveGoesOnlyToThisSitesChatPages(string next)
    {
        using var http = App.NewClient();
        using var answer = await http.PostAsync("/leave", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "forged", ["next"] = next }));
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(answer.Headers.Location?.OriginalString, Is.EqualTo("/"), "anything but a chat page's own path goes home");
    }
}
