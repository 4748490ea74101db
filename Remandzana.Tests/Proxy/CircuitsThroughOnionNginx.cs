using Remandzana.Tests.Support;

namespace Remandzana.Tests.Proxy;

/// <summary>
/// The app behind a real nginx running the shipped onion site config
/// (deploy/nginx/remandzana-onion.conf), spoken to as Tor speaks with
/// <c>HiddenServiceExportCircuitID haproxy</c>: every connection opens with a PROXY line naming
/// the visitor's circuit. The per-address limits stay on and count each circuit on its own.
/// </summary>
[Category("Proxy")]
public sealed class CircuitsThroughOnionNginx
{
    private RemandzanaApp? _app;
    private Nginx? _nginx;

    private async Task<(TorCircuit Busy, TorCircuit Other)> Start(Dictionary<string, string?> limits)
    {
        SystemRequirement.Program("nginx", "nginx");
        limits["Remandzana:Limits:PerAddressLimitsEnabled"] = "true";
        _app = new RemandzanaApp(limits);
        _nginx = await Nginx.StartOnion(_app.BaseAddress);
        return (new TorCircuit(_nginx.BaseAddress, 42), new TorCircuit(_nginx.BaseAddress, 43));
    }

    [TearDown]
    public async Task Stop()
    {
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
            _nginx = null;
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    [Test]
    public void TheCircuitsProxyLineIsTheOneTorSends() =>
        Assert.That(new TorCircuit(new Uri("http://127.0.0.1/"), 42).ProxyLine, Is.EqualTo("PROXY TCP6 fc00:dead:beef:4dad::0:2a ::1 65535 42\r\n"));

    [Test]
    public async Task ACircuitAtItsStreamLimitIsRefusedWhileAnotherCircuitGetsItsChatPage()
    {
        var (busy, other) = await Start(new Dictionary<string, string?> { ["Remandzana:Limits:StreamsPerAddress"] = "2" });
        using var first = await busy.Get("/three");
        using var second = await busy.Get("/three");
        Assert.That((first.Status, second.Status), Is.EqualTo((200, 200)));

        using var third = await busy.Get("/three");
        using var elsewhere = await other.Get("/three");

        Assert.That(third.Status, Is.EqualTo(429), third.Text);
        await third.ReadUntil("Too many open chats");
        Assert.That(elsewhere.Status, Is.EqualTo(200), elsewhere.Text);
        await elsewhere.ReadUntil("You are Charlie.");
    }

    [Test]
    public async Task ACircuitOpeningTooManyChatsAMinuteIsRefusedWhileAnotherCircuitGetsItsChatPage()
    {
        var (busy, other) = await Start(new Dictionary<string, string?> { ["Remandzana:Limits:NewStreamsPerAddressPerMinute"] = "2" });
        for (var i = 0; i < 2; i++)
        {
            using var tab = await busy.Get("/two");
            Assert.That(tab.Status, Is.EqualTo(200));
        }

        using var third = await busy.Get("/two");
        using var elsewhere = await other.Get("/two");

        Assert.That(third.Status, Is.EqualTo(429), third.Text);
        await third.ReadUntil("Too many new chats");
        Assert.That(elsewhere.Status, Is.EqualTo(200), elsewhere.Text);
        await elsewhere.ReadUntil("<div class=\"log\" role=\"log\"");
    }

    [Test]
    public async Task TheOperatorsEndpointsAreNotReachableThroughTheOnionWhateverTheSpelling()
    {
        var (visitor, _) = await Start(new Dictionary<string, string?>());
        string[] spellings = ["/{0}", "/{0}/", "/{1}", "/{2}/", "//{0}", "///{0}", "/{0}?x", "/{0};x", "/./{0}", "/x/../{0}", "/%2F{0}", "/%2E/{0}", "/{0}%2F", "/{3}"];

        foreach (var endpoint in new[] { "metrics", "debug" })
        {
            foreach (var spelling in spellings)
            {
                var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, spelling, endpoint, endpoint.ToUpperInvariant(), char.ToUpperInvariant(endpoint[0]) + endpoint[1..], $"%{(int)endpoint[0]:X2}{endpoint[1..]}");
                using var answer = await visitor.Get(path);

                Assert.That(answer.Status, Is.EqualTo(404), path);
                await answer.ReadUntil("</html>");
                Assert.That(answer.Text, Does.Contain("<center>nginx"), $"{path}: nginx answered itself; the request never reached the app");
            }
        }
    }
}
