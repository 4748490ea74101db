using System.Net;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

[Category("Web")]
public sealed class EveryModeOverHttp : SharedAppFixture
{
    [Test]
    public async Task ThreeStrangersSeeAliceBobAndCharlieWithYouAfterTheirOwnName()
    {
        await using var alice = await App.OpenChat("/three");
        await using var bob = await App.OpenChat("/three");
        await using var charlie = await App.OpenChat("/three");
        await alice.WaitForLine("You are Alice.");
        await bob.WaitForLine("You are Bob.");
        await charlie.WaitForLine("You are Charlie.");

        await bob.Send("hi all");

        var seenByAlice = await alice.WaitForLine("hi all");
        Assert.That(seenByAlice.TextContent, Is.EqualTo("Bob: hi all"));
        Assert.That(seenByAlice.ClassList, Does.Contain("bob"));
        Assert.That((await bob.WaitForLine("hi all")).TextContent, Is.EqualTo("Bob (You): hi all"));
        Assert.That((await charlie.WaitForLine("hi all")).TextContent, Is.EqualTo("Bob: hi all"));

        await alice.DisposeAsync();
        await bob.WaitForLine("Alice has left.");
        await charlie.WaitForLine("Alice has left.");
        await charlie.Send("just us");
        await bob.WaitForLine("Charlie: just us");

        await bob.DisposeAsync();
        await charlie.WaitForLine(Notices.EveryoneElseLeft);
        await charlie.WaitForEnd();
    }

    [Test]
    public async Task AnAskerWatchesTwoDiscussersDiscussTheQuestionAndCannotSpeak()
    {
        await using var asker = await App.OpenChat("/question/ask");
        await asker.WaitForLine(Notices.AskForQuestion);
        Assert.That(asker.Form.QuerySelector("button")?.TextContent, Is.EqualTo("Ask"));
        Assert.That(asker.Page.QuerySelector("nav a[href='/question/discuss']")?.TextContent, Is.EqualTo("Discuss a question"));
        Assert.That(asker.Page.QuerySelector("nav a[href='/question/ask']")?.TextContent, Is.EqualTo("Ask a question"));

        Assert.That((await asker.Send("  ")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "an empty question");
        Assert.That(asker.Form.QuerySelector(".error")?.TextContent, Is.EqualTo("Type a question first."));
        var tooLong = new string('?', 501);
        Assert.That((await asker.Send(tooLong)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(asker.Form.QuerySelector("input[name=message]")?.GetAttribute("value"), Is.EqualTo(tooLong));

        var setupToken = asker.Token;
        Assert.That((await asker.Send("Is <b>tea</b> better than coffee?")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(asker.Form.QuerySelector("input[name=message]")?.HasAttribute("disabled"), Is.True, "the asker's form becomes a disabled field");
        Assert.That(asker.Form.QuerySelector("form[action^='/send']"), Is.Null, "no form to send with (the one left saves the conversation)");
        await asker.WaitForLine("Your question: Is <b>tea</b> better than coffee?");

        await using var first = await App.OpenChat("/question/discuss");
        await using var second = await App.OpenChat("/question/discuss");
        await asker.WaitForLine(Notices.FoundDiscussers);
        await first.WaitForLine("Question: Is <b>tea</b> better than coffee?");
        await second.WaitForLine("Question: Is <b>tea</b> better than coffee?");
        Assert.That(first.Page.QuerySelectorAll(".log b"), Has.Length.Zero, "the question is text, not markup");

        await first.Send("green, always");
        await second.Send("espresso, sorry");
        Assert.That((await first.WaitForLine("espresso")).TextContent, Is.EqualTo("Stranger: espresso, sorry"));
        Assert.That((await second.WaitForLine("green")).TextContent, Is.EqualTo("Stranger: green, always"));
        Assert.That((await asker.WaitForLine("green")).TextContent, Is.EqualTo("Alice: green, always"));
        Assert.That((await asker.WaitForLine("espresso")).TextContent, Is.EqualTo("Bob: espresso, sorry"));

        Assert.That((await asker.Send("me too", setupToken)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the setup form works once");

        await asker.DisposeAsync();
        await first.WaitForLine(Notices.AskerLeft);
        await second.WaitForLine(Notices.AskerLeft);
        await first.Send("still here");
        await second.WaitForLine("Stranger: still here");
    }

    [Test]
    public async Task GlobalChatMembersUseNicknamesCommandsAndSeeALateJoiner()
    {
        await using var first = await App.OpenChat("/global");
        await first.WaitForLine("You are the only one here");
        await using var second = await App.OpenChat("/global");
        await second.WaitForLine("2 people are here");
        await first.WaitForLine("Anonymous joined.");

        await first.Send("/nick Ada");
        await first.WaitForLine("You are now known as Ada.");
        await second.Send("/ping");
        await second.WaitForLine(Notices.Pong);
        await first.Send("/nick no spaces");
        await first.WaitForLine("A nickname is 1 to 24");
        await first.Send("hello world");

        await second.WaitForLine("Ada: hello world");
        Assert.That(second.LineTexts, Has.None.Contains("/nick"), "commands are shown to their author only");
        Assert.That(first.LineTexts, Has.None.Contains("Pong"));

        await using var late = await App.OpenChat("/global");
        await late.WaitForLine("3 people are here");
        await first.WaitForLine("Anonymous joined.");
        await late.Send("hi, I'm late");
        await first.WaitForLine("Anonymous: hi, I'm late");
        Assert.That(late.ChatTexts, Has.None.Contains("hello world"), "a newcomer sees what is said from now on");

        await second.DisposeAsync();
        await first.WaitForLine("Anonymous left.");
        await late.WaitForLine("Anonymous left.");
    }

    [Test]
    public async Task AnAnyClientMeetsATwoClient()
    {
        await using var any = await App.OpenChat("/any");
        await any.WaitForLine(Notices.LookingForPeople);
        Assert.That(any.LineTexts, Has.None.EqualTo(Notices.LookingForStranger));
        Assert.That(any.Page.QuerySelector("nav a.start-over")?.GetAttribute("href"), Is.EqualTo("/any"));

        await using var two = await App.OpenChat("/two");
        await any.WaitForLine(Notices.FoundStranger);
        await two.Send("hello any");
        await any.WaitForLine("Stranger: hello any");
    }

    [Test]
    public async Task AnAnyClientCompletesAThreeTrio()
    {
        await using var first = await App.OpenChat("/three");
        await using var second = await App.OpenChat("/three");
        await first.WaitForLine(Notices.LookingForTwoStrangers);
        await second.WaitForLine(Notices.LookingForTwoStrangers);

        await using var any = await App.OpenChat("/any");
        await any.WaitForLine("You are Charlie.");
        await any.Send("third!");
        await first.WaitForLine("Charlie: third!");
    }

    [Test]
    public async Task QuestionRedirectsNewcomersToTheShortSide()
    {
        using var http = App.NewClient();
        await using var discusser = await App.OpenChat("/question/discuss");
        await discusser.WaitForLine(Notices.LookingForQuestion);

        var toAsk = await http.GetAsync("/question");
        Assert.That(toAsk.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(toAsk.Headers.Location?.OriginalString, Is.EqualTo("/question/ask"));

        await using var asker = await App.OpenChat("/question/ask");
        await asker.WaitForLine(Notices.AskForQuestion);
        await using var asker2 = await App.OpenChat("/question/ask");
        await asker2.WaitForLine(Notices.AskForQuestion);

        var toDiscuss = await http.GetAsync("/question");
        Assert.That(toDiscuss.Headers.Location?.OriginalString, Is.EqualTo("/question/discuss"));
    }

    [Test]
    public async Task TheChatPagesOfferTheOtherModesInANewTab()
    {
        await using var person = await App.OpenChat("/global");

        var links = person.Page.QuerySelectorAll("nav details.modes a[target=_blank]").Select(link => link.GetAttribute("href")).ToList();
        Assert.That(links, Is.EquivalentTo(new[] { "/two", "/three", "/question/ask", "/question/discuss", "/global", "/any" }));
    }
}
