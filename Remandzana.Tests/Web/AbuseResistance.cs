using System.Net;
using System.Net.Sockets;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

[Category("Web")]
public sealed class AbuseResistance
{
    private static readonly HtmlParser Parser = new();
    private static readonly IPAddress OtherAddress = IPAddress.Parse("127.0.0.2");

    [Test]
    public async Task APersonSendingFasterThanTheBucketGets429WithTheTextKeptAndNothingRelayed()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Limits:SendBurst"] = "5" });
        var (alice, bob) = await app.OpenPair();
        await using var _ = alice;
        await using var __ = bob;

        for (var i = 1; i <= 5; i++)
        {
            Assert.That((await alice.Send($"burst {i}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), $"message {i} of the burst");
        }

        var flood = await alice.Send("one too many");

        Assert.That(flood.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(alice.LastAnswer.QuerySelector(".error")?.TextContent, Does.StartWith("Slow down"));
        Assert.That(alice.LastAnswer.QuerySelector("input[name=message]")?.GetAttribute("value"), Is.EqualTo("one too many"));
        Assert.That(alice.LastAnswer.QuerySelector("input[name=token]"), Is.Not.Null, "the form comes back usable");
        await bob.Send("bob's own line");
        await bob.WaitForLine("You: bob's own line");
        Assert.That(bob.ChatTexts, Has.None.Contains("one too many"));
    }

    [Test]
    public async Task GlobalChatCommandsCountTowardsTheFloodLimit()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Limits:SendBurst"] = "3" });
        await using var member = await app.OpenChat("/global");

        for (var i = 0; i < 3; i++)
        {
            Assert.That((await member.Send("/ping")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That((await member.Send("/ping")).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task AnAddressAtItsStreamLimitIsRefusedWhileAnotherAddressIsNot()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?>
        {
            ["Remandzana:Limits:PerAddressLimitsEnabled"] = "true",
            ["Remandzana:Limits:StreamsPerAddress"] = "2",
        });
        await using var first = await app.OpenChat("/three");
        await using var second = await app.OpenChat("/three");
        using var http = app.NewClient();

        var third = await http.GetAsync("/three", HttpCompletionOption.ResponseHeadersRead);

        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        var page = Parser.ParseDocument(await third.Content.ReadAsStringAsync());
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Too many open chats"));
        await using var elsewhere = await app.OpenChat("/three", from: OtherAddress);
        await elsewhere.WaitForLine("You are Charlie.");

        await first.DisposeAsync();
        await Eventually.That(() => app.Services.GetRequiredService<Remandzana.Web.Sessions.LocalSessions>().Count == 2, "the first tab's person to leave");
        await using var again = await app.OpenChat("/two");
        Assert.That(again.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "closing a tab frees its place");
    }

    [Test]
    public async Task AnAddressOpeningTooManyChatsAMinuteIsRefused()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?>
        {
            ["Remandzana:Limits:PerAddressLimitsEnabled"] = "true",
            ["Remandzana:Limits:NewStreamsPerAddressPerMinute"] = "3",
        });
        for (var i = 0; i < 3; i++)
        {
            await using var tab = await app.OpenChat("/two");
        }

        using var http = app.NewClient();
        var fourth = await http.GetAsync("/two", HttpCompletionOption.ResponseHeadersRead);

        Assert.That(fourth.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(Parser.ParseDocument(await fourth.Content.ReadAsStringAsync()).QuerySelector("h1")?.TextContent, Is.EqualTo("Too many new chats"));
        await using var elsewhere = await app.OpenChat("/two", from: OtherAddress);
    }

    [Test]
    public async Task WithPerAddressLimitsOffOneAddressMayOpenManyChats()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?>
        {
            ["Remandzana:Limits:PerAddressLimitsEnabled"] = "false",
            ["Remandzana:Limits:StreamsPerAddress"] = "1",
            ["Remandzana:Limits:NewStreamsPerAddressPerMinute"] = "1",
        });
        var tabs = new List<ChatClient>();
        for (var i = 0; i < 6; i++)
        {
            tabs.Add(await app.OpenChat("/three"));
        }

        await tabs[5].WaitForLine("You are Charlie.");
        foreach (var tab in tabs)
        {
            await tab.DisposeAsync();
        }
    }

    [Test]
    public async Task AFullSiteAnswers503AtOnceAndStaysUp()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Limits:MaxStreams"] = "2" });
        await using var first = await app.OpenChat("/global");
        await using var second = await app.OpenChat("/global", from: OtherAddress);
        using var http = app.NewClient();

        var third = await http.GetAsync("/global", HttpCompletionOption.ResponseHeadersRead);

        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(Parser.ParseDocument(await third.Content.ReadAsStringAsync()).QuerySelector("p")?.TextContent, Is.EqualTo("The site is full, try again in a minute."));
        Assert.That((await http.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await http.GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a full site is healthy");
        await second.Send("still fine");
        await first.WaitForLine("Anonymous: still fine");
    }

    [Test]
    public async Task AHugeBodyIsRefusedWith413BeforeItIsRead()
    {
        await using var app = new RemandzanaApp();
        await using var person = await app.OpenChat("/two");
        var huge = new string('a', 5 * 1024 * 1024);

        var answer = await person.Post(new Dictionary<string, string> { ["token"] = person.Token!, ["message"] = huge });

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        using var chunked = app.NewClient();
        var streamed = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes("token=x&message=" + huge)));
        streamed.Headers.ContentType = new("application/x-www-form-urlencoded");
        var chunkedAnswer = await chunked.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/send") { Content = streamed, Headers = { TransferEncodingChunked = true } });
        Assert.That(chunkedAnswer.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [TestCase("token={token}", "The field \"message\" is missing.", "")]
    [TestCase("message=kept%20text", "The field \"token\" is missing.", "kept text")]
    [TestCase("token={token}&message=first&message=second", "The field \"message\" was sent twice.", "first")]
    [TestCase("token={token}&message=bad%FF%FEbytes", "The form is not valid UTF-8 text.", "bad\ufffd\ufffdbytes")]
    [TestCase("token={token}%00&message=kept", "The field \"token\" has control characters.", "kept")]
    public async Task AMalformedFormIs400WithTheTextKept(string body, string reason, string kept)
    {
        await using var app = new RemandzanaApp();
        await using var person = await app.OpenChat("/two");
        using var http = app.NewClient();
        var content = new StringContent(body.Replace("{token}", person.Token, StringComparison.Ordinal), Encoding.ASCII, "application/x-www-form-urlencoded");

        var answer = await http.PostAsync("/send", content);

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var form = Parser.ParseDocument(await answer.Content.ReadAsStringAsync());
        Assert.That(form.QuerySelector(".error")?.TextContent, Is.EqualTo(reason));
        Assert.That(form.QuerySelector("input[name=message]")?.GetAttribute("value"), Is.EqualTo(kept));
    }

    [Test]
    public async Task ABodyThatBreaksOffIsAnsweredAsAFormThatDidNotArriveWholeNotAsAServerError()
    {
        await using var app = new RemandzanaApp();
        await using var person = await app.OpenChat("/two");
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port);
        await using var connection = new NetworkStream(socket);
        var begun = $"token={person.Token}&message=cut";
        // The body breaks off after its first chunk (the server reads it as it would a body cut short by a closed tab).
        var request = $"POST /send HTTP/1.1\r\nHost: {app.BaseAddress.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n{begun.Length:x}\r\n{begun}\r\nnot a chunk size\r\n";

        await connection.WriteAsync(Encoding.ASCII.GetBytes(request));
        var answer = await new StreamReader(connection, Encoding.UTF8).ReadToEndAsync();

        Assert.That(answer, Does.StartWith("HTTP/1.1 400 "));
        Assert.That(answer, Does.Contain("The form did not arrive whole; nothing was sent. Try again."));
        Assert.That(app.Logs.Errors, Is.Empty);
        var whole = await person.Post(new Dictionary<string, string> { ["token"] = person.Token!, ["message"] = "whole" });
        Assert.That(whole.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the broken post changed nothing");
    }

    [Test]
    public async Task ANonFormBodyIs400()
    {
        await using var app = new RemandzanaApp();
        using var http = app.NewClient();

        var answer = await http.PostAsync("/send", new StringContent("{\"message\":\"hi\"}", Encoding.UTF8, "application/json"));

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task MessagesArriveNormalisedAndIsolated()
    {
        await using var app = new RemandzanaApp();
        var (alice, bob) = await app.OpenPair();
        await using var _ = alice;
        await using var __ = bob;

        await alice.Send("cafe\u0301\u0007 \u202eesrever\u202c end");

        var line = await bob.WaitForLine("Stranger:");
        var text = line.QuerySelector("bdi.text");
        Assert.That(text?.TextContent, Is.EqualTo("caf\u00e9 \u202eesrever\u202c end"));
    }

    [Test]
    public async Task AStalledReaderIsDroppedItsPartnerToldAndItsBacklogStaysBounded()
    {
        const int capacity = 64;
        await using var app = new RemandzanaApp(new Dictionary<string, string?>(StalledReader.LongMessages) { ["Remandzana:Chat:MailboxCapacity"] = $"{capacity}" });
        var switchboard = app.Services.GetRequiredService<Remandzana.Web.Sessions.LocalSessions>();
        using var stalled = await StalledReader.Open(app.BaseAddress, "/two");
        await Eventually.That(() => switchboard.Count == 1, "the stalled reader to join");
        var stalledPerson = switchboard.All.Single();
        await using var talker = await LeanTalker.Open(app, "/two");

        var sent = 0;
        var largestBacklog = 0;
        while (sent < 10_000 && !stalledPerson.Mailbox.IsClosed)
        {
            Assert.That(await talker.Send($"{sent++} {StalledReader.Padding}"), Is.EqualTo(HttpStatusCode.OK));
            largestBacklog = Math.Max(largestBacklog, stalledPerson.Mailbox.Reader.Count);
        }

        await talker.WaitForEnd();
        TestContext.Out.WriteLine($"The stalled reader was dropped after {sent} messages (the rest sat in socket buffers); its largest backlog was {largestBacklog} lines.");
        Assert.That(sent, Is.LessThan(10_000), "the stalled reader is dropped once its mailbox is full");
        Assert.That(largestBacklog, Is.LessThanOrEqualTo(capacity), "what the server keeps for a stalled reader is bounded");
        Assert.That(talker.SawPartnerLeave, Is.True, "the partner is told");
        Assert.That(switchboard.Count, Is.Zero);
    }
}
