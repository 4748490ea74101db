using Remandzana.Web.Metrics;
using StackExchange.Redis;

namespace Remandzana.Web.Backplane;

/// <summary>Scaled out: one Redis counter per minute, shared by every instance (read by <see cref="RedisMessagesToday"/>).</summary>
public sealed class RedisRelayTally(RedisConnection redis, TimeProvider time) : IRelayTally
{
    private static readonly TimeSpan Kept = TimeSpan.FromHours(25);

    public void Record()
    {
        if (!redis.IsConnected)
        {
            return;
        }

        var key = redis.Key($"msgs:{time.GetUtcNow().ToUnixTimeSeconds() / 60}");
        var database = redis.Database;
        try
        {
            database.StringIncrement(key, flags: CommandFlags.FireAndForget);
            database.KeyExpire(key, Kept, flags: CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The footer's count may miss a message while Redis is away; the chat does not.
        }
    }
}
