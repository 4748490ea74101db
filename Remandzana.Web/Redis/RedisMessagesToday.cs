using Microsoft.Extensions.Options;
using Remandzana.Domain.Metrics;
using Remandzana.Web.Options;
using StackExchange.Redis;

namespace Remandzana.Web.Redis;

/// <summary>
/// "N messages today" across every instance: each instance counts the messages it relays in a
/// per-minute key; the sum over the last 24 hours is read again at most once per interval.
/// </summary>
public sealed partial class RedisMessagesToday(RedisConnection redis, TimeProvider time, IOptions<MetricsOptions> options, ILogger<RedisMessagesToday> logger) : IMessagesToday
{
    private const int Minutes = 24 * 60;

    private readonly Recomputed _today = new(time, TimeSpan.FromSeconds(options.Value.RecomputeSeconds));

    public ValueTask<long> Count() => _today.ValueAsync(Sum);

    private async Task<long?> Sum(DateTimeOffset now)
    {
        if (!redis.IsConnected)
        {
            return null;
        }

        var minute = now.ToUnixTimeSeconds() / 60;
        var keys = Enumerable.Range(0, Minutes).Select(ago => redis.Key($"msgs:{minute - ago}")).ToArray();
        try
        {
            return (await redis.Database.StringGetAsync(keys)).Sum(count => count.HasValue ? (long)count : 0);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogNotRead(e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Messages today not read from Redis: {Reason}")]
    private partial void LogNotRead(string reason);
}
