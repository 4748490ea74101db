using System.Net.Sockets;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Operations;

/// <summary>The scale-out tests' own redis-server: it starts, can be taken away, and comes back on the same port.</summary>
[Category("Redis")]
public sealed class RedisServerSupport
{
    [Test]
    public async Task StartsStopsAndRestartsOnTheSamePort()
    {
        await using var redis = await RedisServer.Start();
        var port = redis.Port;
        Assert.That(redis.ConnectionString, Is.EqualTo($"127.0.0.1:{port}"));
        Assert.That(await redis.Ask("PING"), Is.EqualTo("+PONG"));

        Assert.That(await redis.Ask("SET remandzana:probe 1"), Is.EqualTo("+OK"));
        Assert.That(await redis.Ask("DBSIZE"), Is.EqualTo(":1"));
        await redis.FlushAll();
        Assert.That(await redis.Ask("DBSIZE"), Is.EqualTo(":0"), "FLUSHALL emptied it");
        Assert.That(await redis.Ask("SET remandzana:kept 1"), Is.EqualTo("+OK"));

        await redis.Stop();
        Assert.That(redis.IsRunning, Is.False);
        var refused = Assert.ThrowsAsync<SocketException>(() => redis.Ask("PING"));
        Assert.That(refused!.SocketErrorCode, Is.EqualTo(SocketError.ConnectionRefused), "nothing listens once it is stopped");
        Assert.That(await redis.Ping(), Is.False);

        await redis.Restart();
        Assert.That(redis.Port, Is.EqualTo(port), "the same port, so clients reconnect to the address they know");
        Assert.That(await redis.Ping(), Is.True);
        Assert.That(await redis.Ask("EXISTS remandzana:kept"), Is.EqualTo(":1"), "what it held survived the kill");
    }
}
