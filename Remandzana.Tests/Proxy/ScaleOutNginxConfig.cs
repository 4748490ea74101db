using System.Net;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Proxy;

/// <summary>
/// The scale-out site config (deploy/nginx/remandzana-scale-out.conf) as nginx runs it: requests
/// spread round-robin over every instance listed, streams flow from each, and an instance that is
/// down is skipped. The instances here share nothing (no Redis); the scale-out tests add that.
/// </summary>
[Category("Proxy")]
public sealed class ScaleOutNginxConfig
{
    /// <summary>Each answer names the instance that gave it, so the test can see where nginx sent it.</summary>
    private static string NamingTheInstance(string config)
    {
        Assert.That(config, Does.Contain("proxy_pass http://remandzana;"));
        return config.Replace("proxy_pass http://remandzana;", "proxy_pass http://remandzana;\n        add_header X-Upstream $upstream_addr always;", StringComparison.Ordinal);
    }

    private static HttpClient Browser(Nginx nginx) => new(new SocketsHttpHandler { MaxResponseDrainSize = 0, AllowAutoRedirect = false })
    {
        BaseAddress = nginx.BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    [Test]
    public async Task RequestsAndStreamsSpreadOverEveryInstanceWithoutStickiness()
    {
        await using var first = new RemandzanaApp();
        await using var second = new RemandzanaApp();
        await using var nginx = await Nginx.StartScaleOut([first.BaseAddress, second.BaseAddress], NamingTheInstance);
        var instances = new[] { first, second }.Select(app => $"127.0.0.1:{app.BaseAddress.Port}").ToList();

        using var http = Browser(nginx);
        var answeredBy = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.GetAsync("/about");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), nginx.ErrorLog);
            answeredBy.Add(response.Headers.GetValues("X-Upstream").Single());
        }

        Assert.That(answeredBy.Distinct(), Is.EquivalentTo(instances), "one client, one connection, and still both instances answered");

        await using var one = new ChatClient(Browser(nginx));
        await using var other = new ChatClient(Browser(nginx));
        await one.Open("/two");
        await other.Open("/two");
        await one.WaitForLine(Notices.LookingForStranger);
        await other.WaitForLine(Notices.LookingForStranger);
        var streamedBy = new[] { one, other }.Select(chat => chat.Response.Headers.GetValues("X-Upstream").Single()).ToList();
        Assert.That(streamedBy, Is.EquivalentTo(instances), "two chat pages in a row are streamed by the two instances");
        Assert.That(one.Ended || other.Ended, Is.False, "both streams are still open");
    }

    [Test]
    public async Task AnInstanceThatIsDownIsSkippedForPagesAndSends()
    {
        await using var app = new RemandzanaApp();
        var down = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        await using var nginx = await Nginx.StartScaleOut([down, app.BaseAddress]);

        // The first request goes to the first server listed, which refuses it: nginx passes even a
        // POST on to the next one, since nothing of it was sent. The app answers (a forged token), not nginx.
        using var http = Browser(nginx);
        using var form = new FormUrlEncodedContent([new("token", "forged"), new("message", "hello")]);
        using var forged = await http.PostAsync("/send", form);
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), nginx.ErrorLog);
        Assert.That(nginx.ErrorLog, Does.Contain($"127.0.0.1:{down.Port}"), "nginx tried the instance that is down first");

        var (alice, bob) = await Pairing.OpenPair(Browser(nginx), Browser(nginx));
        await using var _ = alice;
        await using var __ = bob;


        for (var i = 0; i < 3; i++)
        {
            Assert.That((await alice.Send($"past the dead instance {i}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), nginx.ErrorLog);
            await bob.WaitForLine($"Stranger: past the dead instance {i}");
        }
    }
}
