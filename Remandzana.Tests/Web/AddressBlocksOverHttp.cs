using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Remandzana.Domain.People;
using Remandzana.Tests.Support;
using Remandzana.Web.Reports;

namespace Remandzana.Tests.Web;

/// <summary>
/// Every per-address limit counts an IPv6 visitor by their /64, however many of its addresses a
/// script uses and however it spells them, while Tor's circuits stay one visitor each. Addresses
/// arrive as a proxy forwards them (the test client is a known proxy).
/// </summary>
[Category("Web")]
public sealed class AddressBlocksOverHttp
{
    private static readonly HtmlParser Parser = new();

    private RemandzanaApp _app = null!;

    [OneTimeSetUp]
    public void StartApp() => _app = new RemandzanaApp(new Dictionary<string, string?>
    {
        ["Remandzana:Limits:PerAddressLimitsEnabled"] = "true",
        ["Remandzana:Limits:StreamsPerAddress"] = "1",
        ["Remandzana:Feedback:RateLimitPermits"] = "1",
        ["Remandzana:Reports:RateLimitPermits"] = "1",
        ["Remandzana:Proxy:KnownProxies:0"] = "127.0.0.1",
    });

    [TearDown]
    public Task EveryoneLeft() => _app.WaitUntilEveryoneHasLeft();

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [Test]
    public async Task ThirtyChatPagesFromOneSlash64AreRefusedPastStreamsPerAddress()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?>
        {
            ["Remandzana:Limits:PerAddressLimitsEnabled"] = "true",
            ["Remandzana:Proxy:KnownProxies:0"] = "127.0.0.1",
        });
        var held = new List<ChatClient>();
        var refused = new List<HttpStatusCode>();
        try
        {
            for (var host = 1; host <= 30; host++)
            {
                var http = Client(app, $"2001:db8:1:2::{host:x}");
                if (host <= 20)
                {
                    var chat = new ChatClient(http);
                    held.Add(chat);
                    await chat.Open("/two");
                    continue;
                }

                using (http)
                {
                    using var answer = await http.GetAsync("/two", HttpCompletionOption.ResponseHeadersRead);
                    refused.Add(answer.StatusCode);
                    if (answer.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        Assert.That(Parser.ParseDocument(await answer.Content.ReadAsStringAsync()).QuerySelector("h1")?.TextContent, Is.EqualTo("Too many open chats"));
                    }
                }
            }

            Assert.That(refused, Has.Count.EqualTo(10).And.All.EqualTo(HttpStatusCode.TooManyRequests), "StreamsPerAddress (20) holds for the whole /64");
            await using var neighbour = new ChatClient(Client(app, "2001:db8:1:3::1"));
            await neighbour.Open("/two");
            Assert.That(neighbour.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the next /64 is somebody else");
        }
        finally
        {
            foreach (var chat in held)
            {
                await chat.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task TwoTorCircuitsAreCountedApartAndOneCircuitIsOneHoweverItIsSpelled()
    {
        await using var first = new ChatClient(Client(_app, "fc00:dead:beef:4dad::0:1"));
        await first.Open("/global");
        await using var second = new ChatClient(Client(_app, "fc00:dead:beef:4dad::0:2"));
        await second.Open("/global");

        foreach (var spelling in new[] { "FC00:DEAD:BEEF:4DAD:0:0:0:1", "fc00:dead:beef:4dad:0000::0.0.0.1", "fc00:dead:beef:4dad::1%3" })
        {
            using var again = Client(_app, spelling);
            using var answer = await again.GetAsync("/global", HttpCompletionOption.ResponseHeadersRead);
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), $"{spelling} is the first circuit");
        }

        Assert.That(first.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "each circuit holds its own StreamsPerAddress (1)");
    }

    [Test]
    public async Task OneSlash64SendsFeedbackAsOneAddress()
    {
        Assert.That(await Feedback("2001:db8:f:1::1"), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await Feedback("2001:db8:f:1::2"), Is.EqualTo(HttpStatusCode.TooManyRequests), "RateLimitPermits (1) holds for the whole /64");
        Assert.That(await Feedback("2001:db8:f:2::1"), Is.EqualTo(HttpStatusCode.OK), "the next /64 is somebody else");
    }

    [Test]
    public async Task AReportNamesTheStrangersSlash64AndOneSlash64ReportsAsOneAddress()
    {
        var (reporter, stranger) = await Pairing.OpenPair(Client(_app, "2001:db8:e:2::1"), Client(_app, "2001:db8:e:1::7"));
        await using var _ = reporter;
        await using var __ = stranger;


        var reported = await reporter.Report();

        Assert.That(reported.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(_app.Folder, "reports"), "*.json").Single()));
        Assert.That(report.RootElement.GetProperty("reported")[0].GetProperty("origin").GetString(),
            Is.EqualTo(_app.Services.GetRequiredService<OriginHashes>().Of(new Origin("address:2001:db8:e:1::/64"))),
            "the keyed hash of the /64, the origin moderation and bars see");
        using var sameSlash64 = Client(_app, "2001:db8:e:2::2");
        using var again = await sameSlash64.PostAsync("/report", new FormUrlEncodedContent([new("token", "x")]));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "RateLimitPermits (1) holds for the reporter's whole /64");
        using var elsewhere = Client(_app, "2001:db8:e:3::1");
        using var theirs = await elsewhere.PostAsync("/report", new FormUrlEncodedContent([new("token", "x")]));
        Assert.That(theirs.StatusCode, Is.Not.EqualTo(HttpStatusCode.TooManyRequests), "the next /64 is somebody else");
    }

    [TestCase("129")]
    [TestCase("16")]
    public void APrefixLengthOutsideItsRangeStopsTheStartNamingTheSetting(string prefix)
    {
        var failure = Assert.Catch(() => _ = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Limits:IPv6PrefixLength"] = prefix }));

        var validation = failure as OptionsValidationException ?? failure?.InnerException as OptionsValidationException;
        Assert.That(validation, Is.Not.Null, failure?.ToString());
        Assert.That(validation!.Message, Does.Contain("IPv6PrefixLength"));
    }

    private async Task<HttpStatusCode> Feedback(string from)
    {
        using var http = Client(_app, from);
        using var answer = await http.PostAsync("/feedback", new FormUrlEncodedContent([new("message", "a word from " + from)]));
        return answer.StatusCode;
    }

    private static HttpClient Client(RemandzanaApp app, string from)
    {
        var http = app.NewClient();
        http.DefaultRequestHeaders.Add("X-Forwarded-For", from);
        return http;
    }
}
