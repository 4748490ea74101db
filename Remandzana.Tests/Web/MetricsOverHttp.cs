using System.Diagnostics.Metrics;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Moderation;
using Remandzana.Tests.Support;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Tests.Web;

/// <summary>/metrics in Prometheus's format: the site's counters move with its traffic, and only trusted addresses read them.</summary>
[Category("Web")]
public sealed class MetricsOverHttp
{
    private static readonly HtmlParser Parser = new();

    [Test]
    public async Task TheCountersMoveWithACaptchaAndAChat()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?>
        {
            ["Remandzana:Captcha:Mode"] = "Always",
            ["Remandzana:Captcha:StreamsPerPass"] = "1",
            ["Remandzana:Moderation:Two:BlockUrls:Enabled"] = "true",
        });
        using var http = app.NewClient();
        var before = await MetricsPage.Read(http);

        var wrong = Captchas.Read(Parser.ParseDocument(await http.GetStringAsync("/two")))!;
        (await Captchas.Answer(http, wrong, answer: "1000")).Dispose();
        await using var alice = new ChatClient(app.NewClient());
        await alice.Open(await Captchas.Solve(http, app.Services, "/two"));
        var bobsChat = await Captchas.Solve(http, app.Services, "/two");
        await using var bob = new ChatClient(app.NewClient());
        await bob.Open(bobsChat);
        await alice.WaitForLine(Notices.FoundStranger);
        await alice.Send("hello");
        await bob.WaitForLine("Stranger: hello");
        await alice.Send("see http://example.com");
        using var tooMany = await http.GetAsync(bobsChat, HttpCompletionOption.ResponseHeadersRead);
        Assert.That(tooMany.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));

        var after = await MetricsPage.Read(http);
        Assert.Multiple(() =>
        {
            Assert.That(after["remandzana_captchas_shown_total"] - before["remandzana_captchas_shown_total"], Is.EqualTo(4), "the first, the one after the wrong answer, and one for each of the two who solved");
            Assert.That(after["remandzana_captchas_failed_total"] - before["remandzana_captchas_failed_total"], Is.EqualTo(1));
            Assert.That(after["remandzana_captchas_solved_total"] - before["remandzana_captchas_solved_total"], Is.EqualTo(2));
            Assert.That(after["remandzana_passes_in_use"], Is.EqualTo(2));
            Assert.That(after["remandzana_chat_pages_open", "mode=\"two\""], Is.EqualTo(2));
            Assert.That(after["remandzana_rooms_formed_total"] - before["remandzana_rooms_formed_total"], Is.EqualTo(1));
            Assert.That(after["remandzana_messages_relayed_total"] - before["remandzana_messages_relayed_total"], Is.EqualTo(1));
            Assert.That(after["remandzana_messages_suppressed_total", $"policy=\"{BlockUrls.PolicyName}\""], Is.EqualTo(1));
            Assert.That(after["remandzana_refusals_total", "status=\"429\""] - before["remandzana_refusals_total", "status=\"429\""], Is.EqualTo(1));
        });

        await alice.DisposeAsync();
        await bob.DisposeAsync();
        await app.WaitUntilEveryoneHasLeft();
        var closed = await MetricsPage.Read(http);
        Assert.That(closed["remandzana_chat_pages_open", "mode=\"two\""], Is.Zero);
        Assert.That(closed["remandzana_passes_in_use"], Is.Zero);
    }

    [Test]
    public async Task ARoomFormedWhenAnInterestWaitRunsOutIsCounted()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Matching:InterestWaitSeconds"] = "2" }, clock);
        using var http = app.NewClient();
        var before = await MetricsPage.Read(http);
        await using var plain = await app.OpenChat("/two");
        await using var music = await app.OpenChat("/two?interests=music");
        await music.WaitForLine(Notices.LookingForStranger);

        clock.Advance(TimeSpan.FromSeconds(2));
        await music.WaitForLine(Notices.FoundStranger);
        await plain.WaitForLine(Notices.FoundStranger);

        // The room's first lines can overtake its count, which follows its opening.
        var after = before;
        await Eventually.That(async () => (after = await MetricsPage.Read(http))["remandzana_rooms_formed_total"] != before["remandzana_rooms_formed_total"], "the room's count");


        Assert.That(after["remandzana_rooms_formed_total"] - before["remandzana_rooms_formed_total"], Is.EqualTo(1), "the room the matchmaker's timer formed");
    }

    [Test]
    public async Task AFullSiteAndAStalledReaderAreCounted()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?>(StalledReader.LongMessages)
        {
            ["Remandzana:Chat:MailboxCapacity"] = "16",
            ["Remandzana:Limits:MaxStreams"] = "2",
        });
        using var http = app.NewClient();
        var listeners = app.Services.GetRequiredService<LocalSessions>();
        using var stalled = await StalledReader.Open(app.BaseAddress, "/two");
        await Eventually.That(() => listeners.Count == 1, "the stalled reader to join");
        await using var talker = await LeanTalker.Open(app, "/two");
        using var full = await http.GetAsync("/global", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(full.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));

        for (var sent = 0; sent < 10_000 && !talker.SawPartnerLeave && listeners.Count == 2; sent++)
        {
            await talker.Send($"{sent} {StalledReader.Padding}");
        }

        await talker.WaitForEnd();
        var page = await MetricsPage.Read(http);
        Assert.That(page["remandzana_streams_dropped_slow_total"], Is.EqualTo(1));
        Assert.That(page["remandzana_refusals_total", "status=\"503\""], Is.EqualTo(1));
    }

    [Test]
    public async Task EveryInstrumentOfTheRemandzanaMeterIsExportedEvenOnesAddedElsewhere()
    {
        await using var app = new RemandzanaApp();
        var meter = app.Services.GetRequiredService<IMeterFactory>().Create("Remandzana");
        meter.CreateCounter<long>("remandzana.reports.filed").Add(3);
        using var http = app.NewClient();

        var page = await MetricsPage.Read(http);

        Assert.That(page["remandzana_reports_filed_total"], Is.EqualTo(3));
        Assert.That(page.Names, Has.None.StartsWith("kestrel").And.None.StartsWith("http_server"), "only the Remandzana meter");
    }

    [Test]
    public async Task AnotherAppsMeterOfTheSameNameDoesNotMixIn()
    {
        await using var app = new RemandzanaApp();
        await using var other = new RemandzanaApp();
        other.Services.GetRequiredService<IMeterFactory>().Create("Remandzana").CreateCounter<long>("remandzana.elsewhere").Add(1);
        using var http = app.NewClient();

        var page = await MetricsPage.Read(http);

        Assert.That(page.Names, Has.None.EqualTo("remandzana_elsewhere_total"));
    }

    [Test]
    public async Task AClientThatAProxyForwardsOrAnUntrustedAddressIsRefused()
    {
        await using var app = new RemandzanaApp();
        using var proxy = app.NewClient();
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.9" } } };
        using var outsider = app.NewClient(IPAddress.Parse("127.0.0.2"));

        using var viaProxy = await proxy.SendAsync(forwarded);
        using var direct = await outsider.GetAsync("/metrics");

        Assert.That(viaProxy.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "nginx forwarding an outside client");
        Assert.That(direct.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "an address that is neither loopback's own nor a known proxy");
        Assert.That(await viaProxy.Content.ReadAsStringAsync(), Does.Not.Contain("remandzana_"));
        using var local = await proxy.GetAsync("/metrics");
        Assert.That(local.StatusCode, Is.EqualTo(HttpStatusCode.OK), "loopback itself (a Prometheus on this host)");
    }

    [Test]
    public async Task AKnownProxyOtherThanLoopbackMayReadThem()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Proxy:KnownProxies:0"] = "127.0.0.3" });
        using var proxy = app.NewClient(IPAddress.Parse("127.0.0.3"));

        using var answer = await proxy.GetAsync("/metrics");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task SwitchedOffThereIsNoMetricsPage()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Metrics:PrometheusEnabled"] = "false" });
        using var http = app.NewClient();

        using var answer = await http.GetAsync("/metrics");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
