using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Proxy;

/// <summary>The app behind a real nginx running the shipped site config (deploy/nginx/remandzana.conf).</summary>
[Category("Proxy")]
public sealed class ChatThroughNginx
{
    private static readonly IPAddress Browser = IPAddress.Parse("127.0.0.2");

    private readonly LogCapture _log = new();
    private RemandzanaApp _app = null!;
    private Nginx _nginx = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        SystemRequirement.Program("nginx", "nginx");
        // The log names clients (Full) so that the tests can read which address the app believed.
        _app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Logging:ClientAddresses"] = "Full" }, services: services => services.AddSingleton<ILoggerProvider>(_log));
        _nginx = await Nginx.Start(_app.BaseAddress);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>A browser at 127.0.0.2 that asks for gzip, as every browser does.</summary>
    private HttpClient BrowserThroughNginx()
    {
        var http = FromAddress.Client(Browser, _nginx.BaseAddress);
        http.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        return http;
    }

    [Test]
    public async Task AChatLineCrossesTheProxyGzippedWhileTheResponseIsStillOpen()
    {
        var (alice, bob) = await Pairing.OpenPair(BrowserThroughNginx(), BrowserThroughNginx());
        await using var _ = alice;
        await using var __ = bob;

        Assert.That((await alice.Send("through nginx")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await bob.WaitForLine("Stranger: through nginx");
        await alice.WaitForLine("You: through nginx");
        Assert.That(bob.Response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "gzip" }), "nginx compressed the stream");
        Assert.That(bob.Response.Headers.TransferEncodingChunked, Is.True);
        Assert.That(bob.Ended, Is.False, "the line arrived while the page is still loading");
        Assert.That(bob.Response.Headers.Contains("Server"), Is.True, "nginx names itself; the app does not (checked in Web tests)");
    }

    [Test]
    public async Task AClientThatDisconnectsAtNginxIsNoticedAndThePartnerIsTold()
    {
        var (alice, bob) = await Pairing.OpenPair(BrowserThroughNginx(), BrowserThroughNginx());
        await using var _ = bob;


        await alice.DisposeAsync();

        await bob.WaitForLine(Notices.StrangerLeft);
        await bob.WaitForEnd();
        Assert.That(bob.LineTexts[^1], Is.EqualTo(Notices.ConversationOver));
        await _log.WaitFor(message => message.Contains("/two from 127.0.0.2 ended: 200 (client gone)"), "that the app saw the browser go");
    }

    [Test]
    public async Task TheAppLogsTheClientAddressNginxForwardedNotOneTheClientMadeUp()
    {
        using var http = FromAddress.Client(Browser, _nginx.BaseAddress);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/about?forwarded");
        request.Headers.Add("X-Forwarded-For", "198.51.100.23");

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var line = await _log.WaitFor(message => message.Contains("/about from ") && message.Contains(" ended: 200"), "for the request through nginx");
        Assert.That(line, Does.Contain("GET http://127.0.0.1/about from 127.0.0.2 ended: 200"), "the browser's address, scheme and host as nginx saw them");
        Assert.That(_log.Messages, Has.None.Contains("198.51.100.23"));
    }

    [TestCase("/metrics")]
    [TestCase("/metrics/")]
    [TestCase("/METRICS")]
    [TestCase("//metrics")]
    [TestCase("/metrics?x")]
    [TestCase("/debug")]
    [TestCase("/Debug/")]
    public async Task TheOperatorsEndpointsAreRefusedToAVisitorEvenOneOnThisHost(string path)
    {
        // nginx forwards a visitor on loopback as X-Forwarded-For: 127.0.0.1; forwarded is forwarded.
        var answer = await RawHttp.Send(_nginx.BaseAddress, "GET", path);

        Assert.That(answer.Status, Is.EqualTo(403).Or.EqualTo(404), answer.Head);
        Assert.That(answer.Body, Does.Not.Contain("# TYPE").And.Not.Contain("name=\"key\""));
    }
}
