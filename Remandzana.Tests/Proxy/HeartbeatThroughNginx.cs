using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Proxy;

/// <summary>
/// nginx cuts an upstream response that stays silent for proxy_read_timeout; the heartbeat must
/// come more often. Both sides are shown with a short timeout so the test takes seconds, not minutes.
/// </summary>
[Category("Proxy")]
public sealed class HeartbeatThroughNginx
{
    private const int ReadTimeoutSeconds = 2;

    private static string WithShortReadTimeout(string config)
    {
        Assert.That(config, Does.Contain("proxy_read_timeout 120s;"), "the shipped config sets proxy_read_timeout");
        return config.Replace("proxy_read_timeout 120s;", $"proxy_read_timeout {ReadTimeoutSeconds}s;", StringComparison.Ordinal);
    }

    [Test]
    public async Task AHeartbeatInsideTheReadTimeoutKeepsAnIdleStreamOpen()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Chat:HeartbeatSeconds"] = "1" });
        await using var nginx = await Nginx.Start(app.BaseAddress, WithShortReadTimeout);
        await using var waiting = new ChatClient(new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = nginx.BaseAddress });
        await waiting.Open("/two");
        await waiting.WaitForLine(Notices.LookingForStranger);

        // Five heartbeats a second apart: the stream has been idle for more than twice the timeout.
        await waiting.WaitFor(page => page.QuerySelectorAll("i.hb").Length >= 5 ? page : null, "five heartbeats");

        Assert.That(waiting.Ended, Is.False, nginx.ErrorLog);
    }

    [Test]
    public async Task AHeartbeatLongerThanTheReadTimeoutLetsNginxCutTheStream()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Chat:HeartbeatSeconds"] = "30" });
        await using var nginx = await Nginx.Start(app.BaseAddress, WithShortReadTimeout);
        await using var waiting = new ChatClient(new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = nginx.BaseAddress });
        await waiting.Open("/two");
        await waiting.WaitForLine(Notices.LookingForStranger);

        await waiting.WaitForEnd();

        Assert.That(waiting.Page.QuerySelector("i.hb.ended"), Is.Null, "cut by nginx, not ended by the app");
        Assert.That(nginx.ErrorLog, Does.Contain("upstream timed out"));
    }
}
