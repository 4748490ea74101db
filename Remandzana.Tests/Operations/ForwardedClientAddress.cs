using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Operations;

/// <summary>X-Forwarded-For is believed from the configured proxies only, and the request log (with Remandzana:Logging:ClientAddresses=Full) shows the result.</summary>
[Category("Web")]
public sealed class ForwardedClientAddress
{
    private static readonly IPAddress Proxy = IPAddress.Parse("127.0.0.1");
    private static readonly IPAddress Stranger = IPAddress.Parse("127.0.0.3");

    private readonly LogCapture _log = new();
    private RemandzanaApp _app = null!;

    [OneTimeSetUp]
    public void StartApp() => _app = new RemandzanaApp(
        new Dictionary<string, string?>
        {
            ["Remandzana:Proxy:KnownProxies:0"] = "127.0.0.1",
            ["Remandzana:Proxy:KnownProxies:1"] = "::1",
            ["Remandzana:Logging:ClientAddresses"] = "Full",
        },
        services: services => services.AddSingleton<ILoggerProvider>(_log));

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [Test]
    public async Task FromAKnownProxyTheForwardedAddressIsLogged()
    {
        using var http = FromAddress.Client(Proxy, _app.BaseAddress);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/about?from-proxy");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var line = await _log.WaitFor(message => message.Contains("GET https://") && message.Contains("/about from 203.0.113.7 ended: 200"), "for the forwarded request");
        Assert.That(line, Does.StartWith("Remandzana.Web.Requests: "));
    }

    [Test]
    public async Task FromAnyoneElseTheForwardedHeadersAreIgnored()
    {
        using var http = FromAddress.Client(Stranger, _app.BaseAddress);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/about");
        request.Headers.Add("X-Forwarded-For", "198.51.100.9");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await _log.WaitFor(message => message.Contains("GET http://") && message.Contains("/about from 127.0.0.3 ended: 200"), "with the connection's own address");
        Assert.That(_log.Messages, Has.None.Contains("198.51.100.9"), "a forged X-Forwarded-For must not be believed");
    }

    [Test]
    public async Task AChatStreamIsLoggedWhenItStartsAndWhenItEnds()
    {
        using var http = FromAddress.Client(IPAddress.Parse("127.0.0.4"), _app.BaseAddress);
        var chat = new ChatClient(http);
        await chat.Open("/global");
        await _log.WaitFor(message => message.Contains("/global from 127.0.0.4 started"), "when the stream starts");
        Assert.That(_log.Messages, Has.None.Contains("/global from 127.0.0.4 ended"), "the stream is still open");

        await chat.DisposeAsync();

        await _log.WaitFor(message => message.Contains("/global from 127.0.0.4 ended"), "when the browser went away");
    }
}
