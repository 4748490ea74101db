using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Options;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

/// <summary>
/// "Don't match me with them again" over HTTP: from the ended form and from a report's answer, two
/// origins are kept apart while a third meets either; a forged token changes nothing.
/// </summary>
[Category("Web")]
public sealed class AvoidingAStrangerOverHttp : SharedAppFixture
{
    private const string Confirmation = "You won't be matched with them for 24 hours.";

    private static readonly HtmlParser Parser = new();

    [Test]
    public async Task AfterTheChatEndsOnePressAndTheTwoAreNotPairedWhileAThirdMeetsEither()
    {
        var (first, second) = await Pairing.OpenPair(App.NewClient(Address(11)), App.NewClient(Address(12)));
        await using (second)
        {
        }

        await using var _ = first;
        await first.WaitForLine(Notices.StrangerLeft);
        await first.WaitForEnd();
        await first.Send("still there?");
        var button = first.Form.QuerySelector("form.avoid[method=post] button[type=submit]");
        Assert.That(button?.TextContent, Is.EqualTo("Don't match me with them again"), "the ended form offers it");
        Assert.That(first.Form.DocumentElement.OuterHtml, Does.Not.Contain("127.0.0.12").And.Not.Contain("address:"), "nobody's origin is in the form");

        var (status, answer) = await PressAvoid(first.Form);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.QuerySelector("p.avoided[role=status]")?.TextContent, Is.EqualTo(Confirmation));
            Assert.That(answer.QuerySelector("a.start-again[target=_top]")?.GetAttribute("href"), Is.EqualTo("/two"));
            Assert.That(answer.QuerySelector("a.start-again")?.TextContent, Is.EqualTo("New conversation"));
        });
        var (again, againAnswer) = await PressAvoid(first.Form);
        Assert.That((again, againAnswer.QuerySelector("p.avoided")?.TextContent), Is.EqualTo((HttpStatusCode.OK, Confirmation)), "a second press is harmless");

        // Both come back; had they been paired, the third and fourth would meet each other.
        await using var firstAgain = await App.OpenChat("/two", Address(11));
        await firstAgain.WaitForLine(Notices.LookingForStranger);
        await using var secondAgain = await App.OpenChat("/two", Address(12));
        await secondAgain.WaitForLine(Notices.LookingForStranger);
        await using var third = await App.OpenChat("/two", Address(13));
        await third.WaitForLine(Notices.FoundStranger);
        await using var fourth = await App.OpenChat("/two", Address(14));
        await fourth.WaitForLine(Notices.FoundStranger);

        await third.Send("from the third");
        await fourth.Send("from the fourth");
        await firstAgain.WaitForLine("Stranger: from the third");
        await secondAgain.WaitForLine("Stranger: from the fourth");
    }

    [Test]
    public async Task TheReportsAnswerOffersItToo()
    {
        var (reporter, stranger) = await Pairing.OpenPair(App.NewClient(Address(21)), App.NewClient(Address(22)));
        await using var _ = reporter;
        await using var __ = stranger;

        await reporter.Report();
        Assert.That(reporter.LastAnswer.QuerySelector(".reported")?.TextContent, Is.EqualTo(Notices.ReportThanks));
        var (status, answer) = await PressAvoid(reporter.LastAnswer);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.QuerySelector("p.avoided")?.TextContent, Is.EqualTo(Confirmation));
        await using var reporterAgain = await App.OpenChat("/two", Address(21));
        await reporterAgain.WaitForLine(Notices.LookingForStranger);
        await using var strangerAgain = await App.OpenChat("/two", Address(22));
        await strangerAgain.WaitForLine(Notices.LookingForStranger);
        await using var third = await App.OpenChat("/two", Address(23));
        await third.WaitForLine(Notices.FoundStranger);
        await third.Send("hello");
        await reporterAgain.WaitForLine("Stranger: hello");
    }

    [TestCase("")]
    [TestCase("not-a-token")]
    [TestCase("tampered")]
    public async Task AForgedOrTamperedTokenIsRefusedAndChangesNothing(string token)
    {
        if (token == "tampered")
        {
            var (one, other) = await Pairing.OpenPair(App.NewClient(Address(31)), App.NewClient(Address(32)));
            await using var _ = one;
            await using var __ = other;
            var real = one.Token!;
            token = real[..^2] + (real[^2] == 'A' ? 'B' : 'A') + real[^1];
        }

        using var http = App.NewClient();
        using var response = await http.PostAsync("/avoid", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }));
        var answer = Parser.ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(answer.QuerySelector("p.error[role=status]")?.TextContent, Is.EqualTo("This form is not valid or has expired; nothing was changed."));
            Assert.That(answer.QuerySelector("a.start-again[target=_top]")?.GetAttribute("href"), Is.EqualTo("/"));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        });
    }

    [Test]
    public async Task SomeoneWhoNeverMetAnyoneIsToldNothingChanged()
    {
        var waiting = await App.OpenChat("/two", Address(41));
        await waiting.WaitForLine(Notices.LookingForStranger);
        var token = waiting.Token!;

        var (status, answer) = await PressAvoid(token);

        Assert.That(status, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That(answer.QuerySelector("p.error")?.TextContent, Is.EqualTo("This chat is no longer remembered, so nothing was changed."));
        await waiting.DisposeAsync();
    }

    [Test]
    public async Task TheChatPageItselfCarriesTheButtonForWhenTheConversationEnds()
    {
        var (first, second) = await Pairing.OpenPair(App.NewClient(Address(61)), App.NewClient(Address(62)));
        await using (second)
        {
        }

        await using var _ = first;
        await first.WaitForEnd();
        // In the page from its start, shown by the stylesheet once the log holds a "found" line and the "ended" light; its answer shows in the send frame.
        var avoid = first.Page.QuerySelector("form.avoid-after[method=post][target=send]");
        Assert.That(avoid?.QuerySelector("button[type=submit]")?.TextContent, Is.EqualTo("Don't match me with them again"));
        Assert.That(first.Page.QuerySelector("iframe.send")?.GetAttribute("name"), Is.EqualTo("send"));

        var (status, answer) = await PressAvoid(first.Page, "form.avoid-after");

        Assert.That((status, answer.QuerySelector("p.avoided")?.TextContent), Is.EqualTo((HttpStatusCode.OK, Confirmation)), "no press on the send form first");
    }

    [Test]
    public async Task GlobalChatsEndedFormDoesNotOfferIt()
    {
        var member = await App.OpenChat("/global", Address(51));
        await member.WaitForLine("Welcome");
        var token = member.Token!;
        await member.DisposeAsync();
        await App.WaitUntilEveryoneHasLeft();

        using var http = App.NewClient();
        using var response = await http.PostAsync("/send", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["message"] = "hello?" }));
        var form = Parser.ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.That(form.QuerySelector("input[disabled]"), Is.Not.Null, "the ended form");
        Assert.That(form.QuerySelector("form.avoid"), Is.Null, "global chat is one room for everyone: nobody to keep apart");
        Assert.That(member.Page.QuerySelector("form.avoid-after"), Is.Null, "nor does its page");
    }

    [TestCase("0")]
    [TestCase("721")]
    public void AnAvoidTimeOutsideItsRangeStopsTheStartNamingTheSetting(string hours)
    {
        var failure = Assert.Catch(() => _ = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Matching:AvoidHours"] = hours }));

        var validation = failure as OptionsValidationException ?? failure?.InnerException as OptionsValidationException;
        Assert.That(validation, Is.Not.Null, failure?.ToString());
        Assert.That(validation!.Message, Does.Contain("Remandzana:Matching:AvoidHours"));
    }

    private static IPAddress Address(int last) => IPAddress.Parse($"127.0.0.{last}");

    private Task<(HttpStatusCode Status, IDocument Answer)> PressAvoid(IDocument form, string selector = "form.avoid")
    {
        var avoid = form.QuerySelector(selector);
        Assert.That(avoid, Is.Not.Null, "the form offers \"Don't match me with them again\"");
        Assert.That(avoid!.GetAttribute("action"), Is.EqualTo("/avoid"));
        return PressAvoid(avoid.QuerySelector("input[name=token]")!.GetAttribute("value")!);
    }

    private async Task<(HttpStatusCode Status, IDocument Answer)> PressAvoid(string token)
    {
        using var http = App.NewClient();
        using var response = await http.PostAsync("/avoid", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }));
        return (response.StatusCode, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }
}
