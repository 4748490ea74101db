using StackExchange.Redis;

namespace Remandzana.Web.Redis;

/// <summary>
/// Watches this instance's Redis connection for the key ring and the message count: says when it
/// goes and comes back, and after each return writes back the Data Protection keys Redis lost.
/// </summary>
public sealed partial class KeyRingKeeper(RedisConnection redis, SharedKeyRing keyRing, ILogger<KeyRingKeeper> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var multiplexer = redis.Multiplexer;
        multiplexer.ConnectionFailed += (_, e) => LogLost(e.EndPoint, e.FailureType, e.ConnectionType);
        multiplexer.ConnectionRestored += (_, e) =>
        {
            LogBack(e.EndPoint, e.ConnectionType);
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                _ = Task.Run(RestoreKeys, CancellationToken.None);
            }
        };
        LogScaledOut(redis.Instance, multiplexer.IsConnected);
        return Task.CompletedTask;
    }

    private void RestoreKeys()
    {
        try
        {
            var restored = keyRing.Restore();
            if (restored > 0)
            {
                LogKeysWrittenBack(redis.Instance, restored);
            }
            else
            {
                LogKeysPresent(redis.Instance);
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogKeysNotChecked(redis.Instance, e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Scaled out through Redis as instance {Instance} (connected: {Connected})")]
    private partial void LogScaledOut(string instance, bool connected);

    [LoggerMessage(Level = LogLevel.Error, Message = "Redis at {Endpoint} is unreachable ({FailureType}, {ConnectionType}): chat pages answer 503 until it is back")]
    private partial void LogLost(System.Net.EndPoint? endpoint, ConnectionFailureType failureType, ConnectionType connectionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis at {Endpoint} is reachable again ({ConnectionType}); chat pages are served again")]
    private partial void LogBack(System.Net.EndPoint? endpoint, ConnectionType connectionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis had lost Data Protection keys (restarted without persistence?); instance {Instance} wrote back the {Keys} keys it knew")]
    private partial void LogKeysWrittenBack(string instance, int keys);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is back with every Data Protection key instance {Instance} knows")]
    private partial void LogKeysPresent(string instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {Instance} could not check the key ring after Redis returned: {Reason}")]
    private partial void LogKeysNotChecked(string instance, string reason);
}
