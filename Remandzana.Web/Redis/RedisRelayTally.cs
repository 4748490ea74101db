using Remandzana.Web.Metrics;
using StackExchange.Redis;

namespace Remandzana.Web.Redis;

/// <summary>
/// Scaled out: one Redis counter per minute, shared by every instance (read by <see cref="RedisMessagesToday"/>).
/// A relayed message only adds one here; <see cref="RelayTallyWriter"/> adds what came in to
/// Redis once per interval, so a send waits for no Redis command.
/// </summary>
public sealed class RedisRelayTally(RedisConnection redis, TimeProvider time) : IRelayTally
{
    private static readonly TimeSpan Kept = TimeSpan.FromHours(25);

    private long _unwritten;
    private RedisKey _expiring;

    public void Record() => Interlocked.Increment(ref _unwritten);

    /// <summary>Adds the messages counted since the last write to this minute's counter; kept for the next write when Redis is away.</summary>
    public async Task Write()
    {
        var count = Interlocked.Exchange(ref _unwritten, 0);
        if (count == 0)
        {
            return;
        }

        if (!redis.IsConnected)
        {
            Interlocked.Add(ref _unwritten, count);
            return;
        }

        var key = redis.Key($"msgs:{time.GetUtcNow().ToUnixTimeSeconds() / 60}");
        try
        {
            await redis.Database.StringIncrementAsync(key, count);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The footer's count arrives late while Redis is away; the chat does not wait for it.
            Interlocked.Add(ref _unwritten, count);
            return;
        }

        if (key == _expiring)
        {
            return;
        }

        try
        {
            await redis.Database.KeyExpireAsync(key, Kept);
            _expiring = key;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The count is in; the expiry is set again with the next write to this minute's key.
        }
    }
}
