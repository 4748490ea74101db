using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;
using Remandzana.Web.Grains;
using Remandzana.Web.Hosting;
using Remandzana.Web.Security;

namespace Remandzana.Tests.Operations;

/// <summary>Remandzana:Logging:ClientAddresses: the request log names nobody by default; Hashed names a client by a hash that holds for one day.</summary>
[Category("Web")]
public sealed class ClientAddressesInLogs
{
    /// <summary>Two visitors behind the (loopback) proxy, forwarded with addresses no test uses otherwise.</summary>
    private const string Visitor = "203.0.113.77";
    private const string IPv6Visitor = "2001:db8:77::77";

    private static HttpClient ForwardedFor(RemandzanaApp app, string address)
    {
        var http = app.NewClient();
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return http;
    }

    /// <summary>Every spelling of the two addresses a log line could hold.</summary>
    private static readonly string[] Spellings = [Visitor, IPv6Visitor, "2001:0db8:0077:0000:0000:0000:0000:0077", "::ffff:" + Visitor, "203-0-113-77", "cb00714d"];

    [Test]
    public async Task AChatACaptchaAReportAndFeedbackLeaveNoClientAddressInTheLogByDefault()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Captcha:Mode"] = "Always" });
        var parser = new HtmlParser();

        // The captcha: its page, its picture and its answer, from each visitor.
        var alice = ForwardedFor(app, Visitor);
        var bob = ForwardedFor(app, IPv6Visitor);
        var picture = Captchas.Read(parser.ParseDocument(await alice.GetStringAsync("/two")))!.Picture;
        using (var png = await alice.GetAsync(picture))
        {
            Assert.That(png.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var alicesChat = await Captchas.Solve(alice, app.Services, "/two");
        var bobsChat = await Captchas.Solve(bob, app.Services, "/two");

        // A chat, a report of it, and feedback from each.
        var aliceTab = new ChatClient(alice);
        var bobTab = new ChatClient(bob);
        await aliceTab.Open(alicesChat);
        await bobTab.Open(bobsChat);
        await aliceTab.WaitForLine(Notices.FoundStranger);
        await bobTab.WaitForLine(Notices.FoundStranger);
        Assert.That((await aliceTab.Send("hello from the documentation range")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await bobTab.WaitForLine("Stranger: hello from the documentation range");
        Assert.That((await bobTab.Report()).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        foreach (var http in new[] { alice, bob })
        {
            using var feedback = await http.PostAsync("/feedback", new FormUrlEncodedContent([new("message", "a fine site")]));
            Assert.That(feedback.IsSuccessStatusCode, Is.True, $"feedback: {feedback.StatusCode}");
        }

        await aliceTab.DisposeAsync();
        await bobTab.DisposeAsync();
        await Eventually.That(
            () => RequestLines(app).Count(line => line.EndsWith(" started", StringComparison.Ordinal)) == RequestLines(app).Count(line => line.Contains(" ended: ", StringComparison.Ordinal)),
            "every request, the chat pages the report ended included, to be logged as ended");

        var lines = RequestLines(app);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.Contains("GET http://127.0.0.1:").And.Contains("/captcha/"), "the picture was logged");
            Assert.That(lines, Has.Some.Contains("POST http://127.0.0.1:").And.Contains("/captcha ended: 303"), "the answer was logged");
            Assert.That(lines, Has.Some.Contains("/report ended: 200"), "the report was logged");
            Assert.That(lines, Has.Some.Contains("POST http://127.0.0.1:").And.Contains("/feedback ended"), "the feedback was logged");
            Assert.That(lines, Has.None.Contains(" from "), "no line names a client");
            foreach (var entry in app.Logs.Entries)
            {
                var everything = entry.Message + " " + string.Join(" ", entry.Properties.Values);
                foreach (var spelling in Spellings)
                {
                    Assert.That(everything, Does.Not.Contain(spelling).IgnoreCase, $"{entry.Category} logged a visitor's address: {entry.Message}");
                }
            }
        });
    }

    [Test]
    public async Task HashedNamesEachClientByADailyHashAndNeverByItsAddress()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Logging:ClientAddresses"] = "Hashed" });
        using var first = ForwardedFor(app, Visitor);
        using var second = ForwardedFor(app, IPv6Visitor);

        (await first.GetAsync("/about?once")).Dispose();
        (await first.GetAsync("/about?twice")).Dispose();
        (await second.GetAsync("/about?other")).Dispose();
        await Eventually.That(() => RequestLines(app).Count(line => line.Contains("/about from", StringComparison.Ordinal) && line.Contains("ended", StringComparison.Ordinal)) >= 3, "the three requests to be logged");

        var hash = app.Services.GetRequiredService<DailyAddressHash>();
        var visitor = "#" + hash.Of(IPAddress.Parse(Visitor));
        var ipv6Visitor = "#" + hash.Of(IPAddress.Parse(IPv6Visitor));
        var lines = RequestLines(app).Where(line => line.Contains("/about from", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines.Count(line => line.Contains($"from {visitor} ", StringComparison.Ordinal)), Is.EqualTo(4), "the first visitor's two requests, started and ended, under one name");
            Assert.That(lines.Count(line => line.Contains($"from {ipv6Visitor} ", StringComparison.Ordinal)), Is.EqualTo(2), "the second visitor under another");
            Assert.That(visitor, Is.Not.EqualTo(ipv6Visitor));
            foreach (var spelling in Spellings)
            {
                Assert.That(lines, Has.None.Contains(spelling).IgnoreCase);
            }
        });
    }

    [Test]
    public void TheHashHoldsForOneUtcDayAndChangesWithTheNext()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 0, 0, 1, TimeSpan.Zero));
        var hash = new DailyAddressHash(clock);
        var visitor = IPAddress.Parse(Visitor);

        var morning = hash.Of(visitor);
        clock.Advance(TimeSpan.FromHours(23.99));
        var evening = hash.Of(visitor);
        var sameEveningIPv6Mapped = hash.Of(visitor.MapToIPv6());
        var neighbour = hash.Of(IPAddress.Parse("203.0.113.78"));
        clock.Advance(TimeSpan.FromMinutes(1));
        var nextDay = hash.Of(visitor);

        Assert.Multiple(() =>
        {
            Assert.That(evening, Is.EqualTo(morning), "one day's lines can be put together");
            Assert.That(sameEveningIPv6Mapped, Is.EqualTo(morning), "an IPv4 address written as IPv6 is the same client");
            Assert.That(neighbour, Is.Not.EqualTo(morning), "the next address is another client");
            Assert.That(nextDay, Is.Not.EqualTo(morning), "the next day's are not");
            Assert.That(morning, Does.Match("^[0-9a-f]{16}$"), "a truncated HMAC, in hex");
        });
    }

    [Test]
    public void TwoInstancesHashTheSameAddressDifferently()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        var visitor = IPAddress.Parse(Visitor);

        var one = new DailyAddressHash(clock).Of(visitor);
        var another = new DailyAddressHash(clock).Of(visitor);

        Assert.That(another, Is.Not.EqualTo(one), "the key is random, per instance, never derived from anything logged or shared");
    }

    private static List<string> RequestLines(RemandzanaApp app) =>
        app.Logs.Entries.Where(entry => entry.Category == RequestLogging.Category).Select(entry => entry.Message).ToList();
}
