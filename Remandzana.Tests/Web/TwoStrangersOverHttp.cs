using System.Net;
using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

[Category("Web")]
public sealed class TwoStrangersOverHttp : SharedAppFixture
{
    [Test]
    public async Task TheChatPageStreamsWithTheRightHeadersAndNoScriptOrCookie()
    {
        await using var waiting = await App.OpenChat("/three");

        var headers = waiting.Response.Headers;
        Assert.Multiple(async () =>
        {
            Assert.That(waiting.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(headers.CacheControl?.NoStore, Is.True);
            Assert.That(headers.GetValues("X-Accel-Buffering"), Is.EqualTo(new[] { "no" }));
            Assert.That(headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'"));
            Assert.That(headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
            Assert.That(headers.Contains("Set-Cookie"), Is.False);
            Assert.That(waiting.Response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            await waiting.WaitForLine(Notices.LookingForTwoStrangers);
            Assert.That(waiting.Page.QuerySelectorAll("script"), Is.Empty);
            Assert.That(waiting.Form.QuerySelectorAll("script"), Is.Empty);
            Assert.That(waiting.Page.QuerySelector("nav a[href='/three']")?.TextContent, Is.EqualTo("New conversation"));
            Assert.That(waiting.Form.QuerySelector("form[action='/send#message'] input[name=message]"), Is.Not.Null);
            Assert.That(waiting.Page.QuerySelector("i.hb"), Is.Not.Null, "a heartbeat lights the connection at once");
        });
    }

    [Test]
    public async Task TwoStrangersExchangeMessagesBothWaysAndAThirdNeverSeesThem()
    {
        var (alice, bob) = await App.OpenPair();
        await using var _ = alice;
        await using var __ = bob;
        await using var third = await App.OpenChat("/two");
        await third.WaitForLine(Notices.LookingForStranger);

        Assert.That((await alice.Send("hi bob")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await bob.WaitForLine("Stranger: hi bob");
        await alice.WaitForLine("You: hi bob");
        Assert.That((await bob.Send("hello alice")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await alice.WaitForLine("Stranger: hello alice");
        await bob.WaitForLine("You: hello alice");
        Assert.That((await alice.Send("second")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the answer's fresh form works");
        await bob.WaitForLine("Stranger: second");

        Assert.That(third.ChatTexts, Is.Empty);
        Assert.That(alice.Form.QuerySelector("input[name=message]")?.GetAttribute("value"), Is.Empty, "a sent message clears the field");
    }

    [Test]
    public async Task MarkupInAMessageArrivesAsText()
    {
        var (alice, bob) = await App.OpenPair();
        await using var _ = alice;
        await using var __ = bob;
        const string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> & \"quotes\"";

        await alice.Send(hostile);

        var line = await bob.WaitForLine("Stranger:");
        Assert.That(line.QuerySelector(".text")?.TextContent, Is.EqualTo(hostile));
        Assert.That(line.QuerySelectorAll("script, img"), Is.Empty);
        Assert.That(bob.Page.QuerySelectorAll("script, img"), Is.Empty);
    }

    [Test]
    public async Task ClosingOneTabTellsThePartnerAndEndsTheirPage()
    {
        var (alice, bob) = await App.OpenPair();
        await using var _ = bob;

        await alice.DisposeAsync();

        await bob.WaitForLine(Notices.StrangerLeft);
        await bob.WaitForEnd();
        Assert.That(bob.Page.QuerySelector("i.hb.ended"), Is.Not.Null);
        Assert.That(bob.LineTexts[^1], Is.EqualTo(Notices.ConversationOver));
    }

    [Test]
    public async Task AForgedOrTamperedTokenIsForbidden()
    {
        await using var person = await App.OpenChat("/two");
        var token = person.Token!;
        var tampered = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];

        Assert.That((await person.Send("hi", token: "forged")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await person.Send("hi", token: tampered)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await person.Send("hi", token: "")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(person.LastAnswer.QuerySelector("input[name=message]")?.GetAttribute("value"), Is.EqualTo("hi"), "the text is shown back");
    }

    [Test]
    public async Task AnEmptyOrOverlongMessageComesBackWithAnErrorAndTheTextKept()
    {
        var (alice, bob) = await App.OpenPair();
        await using var _ = alice;
        await using var __ = bob;
        var overlong = new string('x', 501);

        var empty = await alice.Send("   ");
        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(alice.Form.QuerySelector(".error")?.TextContent, Is.EqualTo("Type a message first."));

        var tooLong = await alice.Send(overlong);
        Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(alice.Form.QuerySelector(".error")?.TextContent, Does.Contain("at most 500 characters"));
        Assert.That(alice.Form.QuerySelector("input[name=message]")?.GetAttribute("value"), Is.EqualTo(overlong));

        Assert.That((await alice.Send("fine")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the form that came back still works");
        await bob.WaitForLine("Stranger: fine");
        Assert.That(bob.ChatTexts, Is.EqualTo(new[] { "Stranger: fine" }));
    }

    [Test]
    public async Task SendingBeforeARoomExistsKeepsTheTextAndWarnsOnce()
    {
        await using var alone = await App.OpenChat("/two");
        await alone.WaitForLine(Notices.LookingForStranger);

        Assert.That((await alone.Send("anyone?")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(alone.Form.QuerySelector("input[name=message]")?.GetAttribute("value"), Is.EqualTo("anyone?"));
        await alone.Send("anyone??");
        await alone.WaitForLine(Notices.NotTalkingYet);
        await using var partner = await App.OpenChat("/two");
        await alone.WaitForLine(Notices.FoundStranger);

        Assert.That(alone.LineTexts.Count(line => line == Notices.NotTalkingYet), Is.EqualTo(1));
    }

    [Test]
    public async Task ADepartedPersonGetsADisabledFieldSayingTheChatHasEnded()
    {
        var (alice, bob) = await App.OpenPair();
        await using var _ = bob;
        var token = alice.Token!;
        await alice.DisposeAsync();
        await bob.WaitForEnd();

        var answer = await bob.Send("are you there?");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(bob.Form.QuerySelector("input[name=message]")?.HasAttribute("disabled"), Is.True);
        Assert.That(bob.Form.QuerySelector("input[name=message]")?.GetAttribute("value"), Is.EqualTo("are you there?"));
        Assert.That(bob.Form.QuerySelector(".error")?.TextContent, Is.EqualTo("The chat has ended."));
        Assert.That(bob.Form.QuerySelector("form[action^='/send']"), Is.Null, "no form to send with (the one left saves the conversation)");
        Assert.That((await bob.Send("x", token)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the partner's token names a departed person too");
    }

    [Test]
    public async Task ATokenOlderThanADayIsForbidden()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RemandzanaApp(clock: clock);
        var (alice, bob) = await app.OpenPair();
        await using var _ = alice;
        await using var __ = bob;


        clock.Advance(TimeSpan.FromHours(23));
        Assert.That((await alice.Send("still fresh")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var dayOld = alice.Token;
        clock.Advance(TimeSpan.FromHours(25));

        Assert.That((await alice.Send("too old", dayOld)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task AHeartbeatArrivesEachIntervalWhileNothingElseHappens()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RemandzanaApp(clock: clock);
        await using var waiting = await app.OpenChat("/two");
        await waiting.WaitForLine(Notices.LookingForStranger);
        Assert.That(waiting.Page.QuerySelectorAll("i.hb"), Has.Length.EqualTo(1));

        await AdvanceUntilHeartbeat(clock, waiting, count: 2);
        await AdvanceUntilHeartbeat(clock, waiting, count: 3);
    }

    /// <summary>
    /// Moves the clock one interval at a time until the next heartbeat shows: the stream may not
    /// have armed its timer yet when the clock first moves.
    /// </summary>
    private static async Task AdvanceUntilHeartbeat(FakeTimeProvider clock, ChatClient client, int count)
    {
        for (var interval = 0; interval < 20; interval++)
        {
            clock.Advance(TimeSpan.FromSeconds(6));
            try
            {
                await client.WaitFor(page => page.QuerySelectorAll("i.hb").Length >= count ? page : null, $"heartbeat {count}").WaitAsync(TimeSpan.FromMilliseconds(200));
                return;
            }
            catch (TimeoutException)
            {
            }
        }

        Assert.Fail($"No heartbeat {count} after 20 intervals.");
    }
}
