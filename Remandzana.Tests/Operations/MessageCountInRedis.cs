using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Remandzana.Tests.Support;
using Remandzana.Web.Options;
using Remandzana.Web.Redis;

namespace Remandzana.Tests.Operations;

/// <summary>Scaled out, the footer's count leaves the send path: a relayed message costs no Redis command, and the count arrives within one interval.</summary>
[Category("Redis")]
public sealed class MessageCountInRedis
{
    [Test]
    public async Task MessagesAreCountedInOneRedisWritePerIntervalAndNoneOnSend()
    {
        await using var redis = await RedisServer.Start();
        using var connection = new RedisConnection(Options.Create(new BackplaneOptions { Redis = redis.ConnectionString, KeyPrefix = "count" }));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 10, TimeSpan.Zero));
        var tally = new RedisRelayTally(connection, time);
        using var writer = new RelayTallyWriter(tally, time, Options.Create(new MetricsOptions { CountWriteSeconds = 5 }));
        Assert.That(connection.IsConnected, Is.True);
        await writer.StartAsync(CancellationToken.None);
        var before = await redis.CommandCalls();

        tally.Record();
        tally.Record();
        tally.Record();

        var afterSends = await redis.CommandCalls();
        Assert.That(afterSends.Where(command => command.Key is not ("info" or "ping" or "echo")), Is.EquivalentTo(before.Where(command => command.Key is not ("info" or "ping" or "echo"))), "three sends, no Redis command");

        time.Advance(TimeSpan.FromSeconds(5));
        var key = $"{{count}}:msgs:{time.GetUtcNow().ToUnixTimeSeconds() / 60}";
        await Eventually.That(async () => await redis.Ask($"GET {key}") == "$1", "the count to reach Redis once the interval has passed");


        var written = await redis.CommandCalls();
        Assert.That(written.GetValueOrDefault("incrby") - before.GetValueOrDefault("incrby"), Is.EqualTo(1), "one write for the three messages");
        Assert.That(await connection.Database.StringGetAsync(key), Is.EqualTo((StackExchange.Redis.RedisValue)3));

        tally.Record();
        await writer.StopAsync(CancellationToken.None);
        Assert.That(await connection.Database.StringGetAsync(key), Is.EqualTo((StackExchange.Redis.RedisValue)4), "what came in since the last write is written on stopping");
    }
}
