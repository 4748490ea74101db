using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.ScaleOut;

/// <summary>The shipped scale-out nginx config in front of two instances sharing Redis: no sticky sessions, and chat just works.</summary>
[Category("ScaleOut")]
[NonParallelizable]
public sealed class RoundRobinThroughNginx
{
    [Test]
    public async Task TwoBrowsersChatThroughRoundRobinNginx()
    {
        await using var site = await ScaledOutSite.Start(2);
        await using var nginx = await Nginx.StartScaleOut([site[0].BaseAddress, site[1].BaseAddress]);
        HttpClient Browser() => new(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = nginx.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var (alice, bob) = await Pairing.OpenPair(Browser(), Browser());
        await using var _ = alice;
        await using var __ = bob;


        for (var i = 0; i < 4; i++)
        {
            await alice.Send($"ping {i}");
            await bob.WaitForLine($"Stranger: ping {i}");
            await bob.Send($"pong {i}");
            await alice.WaitForLine($"Stranger: pong {i}");
        }

        Assert.That(alice.ChatTexts, Has.Count.EqualTo(8));
        var logs = string.Join("\n", site[0].Output.Concat(site[1].Output));
        Assert.That(site[0].Output.Any(line => line.Contains("Scaled out through Redis", StringComparison.Ordinal)) && site[1].Output.Any(line => line.Contains("Scaled out through Redis", StringComparison.Ordinal)), Is.True, logs);
    }
}
