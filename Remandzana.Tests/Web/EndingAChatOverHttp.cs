using AngleSharp.Dom;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

/// <summary>
/// What the server gives for "End this chat?": the question in every chat page's bar, and the
/// state the stylesheet reads to show it (a "found" line while the conversation is live, the
/// "ended" light once the page is over). The browser tests prove what is shown in each state.
/// </summary>
[Category("Web")]
public sealed class EndingAChatOverHttp : SharedAppFixture
{
    [Test]
    public async Task TheBarAsksBeforeEndingAndOnlyALiveConversationsLogSaysARoomFormed()
    {
        const string path = "/two?lang=de&interests=tee";
        await using var alice = await App.OpenChat(path);
        await alice.WaitFor(page => page.QuerySelector(".log > .line.waiting"), "the waiting line");
        Assert.That(alice.Page.QuerySelectorAll(".log > .line.found"), Is.Empty, "a waiting page keeps the one-step link");

        var bob = await App.OpenChat(path);
        await alice.WaitFor(page => page.QuerySelector(".log > .line.system.found"), "the found line");
        await bob.WaitFor(page => page.QuerySelector(".log > .line.system.found"), "the found line");

        var bar = alice.Page.QuerySelector("nav.navbar")!;
        var question = bar.QuerySelector("details.end-chat") ?? throw new AssertionException("the bar has no question before ending");
        var group = question.QuerySelector("[role=group]")!;
        var label = alice.Page.GetElementById(group.GetAttribute("aria-labelledby")!);
        Assert.Multiple(() =>
        {
            Assert.That(bar.QuerySelectorAll("details.end-chat"), Has.Length.EqualTo(1));
            Assert.That(question.QuerySelector("summary .when-closed")?.TextContent, Is.EqualTo("Neues Gespräch"), "closed, it reads as the link it replaces");
            Assert.That(question.QuerySelector("summary .when-open")?.TextContent, Is.EqualTo("Weiterchatten"), "open, it closes the question");
            Assert.That(label?.TextContent, Is.EqualTo("Diesen Chat beenden?"));
            Assert.That(label?.GetAttribute("role"), Is.EqualTo("alert"), "said as soon as it is shown");
            Assert.That(group.QuerySelector("form.end-chat-form button.end-chat-yes")?.TextContent, Is.EqualTo("Ja, beenden"));
            Assert.That(group.QuerySelector("form.end-chat-form")?.GetAttribute("method"), Is.EqualTo("post"), "the server tells leaving on purpose from a drop");
            Assert.That(group.QuerySelector("form.end-chat-form")?.GetAttribute("action"), Is.EqualTo("/leave?lang=de&interests=tee"), "keeping the language and the interests");
            Assert.That(group.QuerySelector("form.end-chat-form")?.GetAttribute("target"), Is.EqualTo("_top"));
            Assert.That(group.QuerySelector("input[name=token]")?.GetAttribute("value"), Is.EqualTo(alice.Token), "the person's own token");
            Assert.That(Yes(question), Is.EqualTo("/two"), "yes goes on to a conversation of the mode New conversation starts");
            Assert.That(alice.Page.QuerySelectorAll(".log > .hb.ended"), Is.Empty);
        });

        await bob.DisposeAsync();
        await alice.WaitForEnd();
        Assert.That(alice.Page.QuerySelectorAll(".log > .hb.ended"), Has.Length.EqualTo(1), "an ended page says so, and keeps the one-step link");
    }

    [TestCase("/question/ask")]
    [TestCase("/question/discuss")]
    public async Task QuestionModeAsksForEachSideWithItsOwnLabel(string path)
    {
        await using var person = await App.OpenChat(path);

        var questions = person.Page.QuerySelectorAll("nav details.end-chat");
        var links = person.Page.QuerySelectorAll("nav a.start-over").Select(link => link.GetAttribute("href")).ToList();
        Assert.That(links, Is.EqualTo(new[] { "/question/discuss", "/question/ask" }));
        Assert.That(questions.Select(Yes), Is.EqualTo(links), "one question per side, each leading where its link leads");
        Assert.That(questions.Select(q => q.QuerySelector("summary .when-closed")?.TextContent), Is.EqualTo(new[] { "Discuss a question", "Ask a question" }));
        var labels = questions.Select(q => q.QuerySelector("[role=group]")!.GetAttribute("aria-labelledby")).ToList();
        Assert.That(labels, Is.Unique, "each question is labelled by its own words");
        Assert.That(labels.Select(id => person.Page.GetElementById(id!)?.TextContent), Is.All.EqualTo("End this chat?"));
    }

    /// <summary>
    /// The stylesheet asks only on a page whose log has a "found" line: every member of every kind
    /// of room gets one when the room forms (the asker of a question too, who then watches).
    /// </summary>
    [Test]
    public async Task EveryMemberOfEveryKindOfRoomIsToldItFormedByAFoundLine()
    {
        await using var global = await App.OpenChat("/global");
        await using var alice = await App.OpenChat("/three");
        await using var bob = await App.OpenChat("/three");
        await using var charlie = await App.OpenChat("/any");
        await using var asker = await App.OpenChat("/question/ask");
        await asker.WaitFor(page => page.QuerySelector(".log > .line.waiting"), "the asker's first line");
        Assert.That((await asker.Send("Tea or coffee?")).IsSuccessStatusCode, Is.True);
        await using var first = await App.OpenChat("/question/discuss");
        await using var second = await App.OpenChat("/question/discuss");

        foreach (var (person, who) in new[] { (global, "global"), (alice, "Alice"), (bob, "Bob"), (charlie, "Charlie (any mode)"), (asker, "the asker"), (first, "a discusser"), (second, "the other discusser") })
        {
            await person.WaitFor(page => page.QuerySelector(".log > .line.system.found"), $"the found line of {who}");
        }
    }

    private static string? Yes(IElement question) => question.QuerySelector("form.end-chat-form input[name=next]")?.GetAttribute("value");

    /// <summary>With Remandzana:Chat:ResumeSeconds at 0 (as this class's app has it), a closed page leaves at once, as before issue 25.</summary>
    [Test]
    public async Task WithoutHoldingAClosedPageLeavesAtOnceAndItsLinkResumesNobody()
    {
        var alice = await App.OpenChat("/two");
        await using var bob = await App.OpenChat("/two");
        await alice.WaitForLine(Notices.FoundStranger);
        await bob.WaitForLine(Notices.FoundStranger);
        var link = alice.ResumeLink();
        await alice.DisposeAsync();
        await bob.WaitForLine(Notices.StrangerLeft);
        await bob.WaitForEnd();
        Assert.That(bob.LineTexts, Has.None.Contains("dropped"));
        Assert.That((await App.OpenSpent(link)).Status, Is.EqualTo(System.Net.HttpStatusCode.Gone));
    }
}
