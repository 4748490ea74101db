using Microsoft.Extensions.Options;
using Remandzana.Web.Options;
using Remandzana.Web.Switchboards;
using StackExchange.Redis;

namespace Remandzana.Web.Backplane;

/// <summary>
/// Keeps this instance connected to the others: it listens to its channel, says every few seconds
/// that it is alive (a key that expires), removes the people of instances whose key expired (they
/// were killed, not stopped: their partners are told), and ends every stream here when Redis goes away.
/// </summary>
public sealed class InstanceLiveness(
    RedisConnection redis,
    RedisSwitchboard switchboard,
    SharedKeyRing keyRing,
    TimeProvider time,
    IOptions<BackplaneOptions> options,
    ILogger<InstanceLiveness> logger) : BackgroundService
{
    private bool _unreachable;
    private volatile bool _reconnected;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var multiplexer = redis.Multiplexer;
        multiplexer.ConnectionFailed += (_, e) => Lost(e);
        multiplexer.ConnectionRestored += (_, e) =>
        {
            _reconnected = true;
            logger.LogInformation("Redis at {Endpoint} is reachable again ({ConnectionType}); chat pages are served again", e.EndPoint, e.ConnectionType);
        };
        logger.LogInformation("Scaled out through Redis as instance {Instance}", redis.Instance);
        try
        {
            // Before the server listens, when Redis is up; otherwise every beat tries again.
            await redis.Listen(Apply);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogError("Redis is unreachable at start; chat pages answer 503 until it is there: {Reason}", e.Message);
        }

        await base.StartAsync(cancellationToken);
    }

    private void Apply(RedisValue message)
    {
        try
        {
            switchboard.Apply(message!);
        }
        catch (Exception e)
        {
            logger.LogError(e, "An event from Redis could not be replayed: {Event}", (string?)message);
        }
    }

    private void Lost(ConnectionFailedEventArgs e)
    {
        logger.LogError("Redis at {Endpoint} is unreachable ({FailureType}, {ConnectionType}): open chats end and chat pages answer 503 until it is back", e.EndPoint, e.FailureType, e.ConnectionType);
        switchboard.ConnectionLost();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.HeartbeatSeconds), time);
        do
        {
            try
            {
                await Beat(settings.InstanceTimeoutSeconds * 1000);
                if (_unreachable)
                {
                    _unreachable = false;
                    logger.LogInformation("Instance {Instance} is registered in Redis again", redis.Instance);
                }
            }
            catch (Exception e) when (e is SwitchboardUnavailableException or RedisException or TimeoutException)
            {
                if (!_unreachable)
                {
                    _unreachable = true;
                    logger.LogError("Redis is unreachable; instance {Instance} keeps trying: {Reason}", redis.Instance, e.Message);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task Beat(int timeoutMilliseconds)
    {
        if (switchboard.IsStopping)
        {
            return;
        }

        if (!await redis.Listen(Apply))
        {
            throw new SwitchboardUnavailableException("Redis is not connected.");
        }

        await redis.Run("alive", redis.Instance, timeoutMilliseconds);
        await switchboard.SettleOrphans();
        if (_reconnected)
        {
            _reconnected = false;
            var restored = keyRing.Restore();
            if (restored > 0)
            {
                logger.LogWarning("Redis had lost Data Protection keys (restarted without persistence?); instance {Instance} wrote back the {Keys} keys it knew", redis.Instance, restored);
            }
            else
            {
                logger.LogInformation("Redis is back with every Data Protection key instance {Instance} knows", redis.Instance);
            }
        }

        foreach (var instance in await redis.Database.SetMembersAsync(redis.Key("instances")))
        {
            if (instance == redis.Instance)
            {
                continue;
            }

            var removed = (int)await redis.Run("bury", instance, "1");
            if (removed > 0)
            {
                logger.LogWarning("Instance {Dead} stopped saying it is alive; its {People} people were removed and their partners told", (string?)instance, removed);
            }
            else if (removed == 0)
            {
                logger.LogInformation("Instance {Dead} stopped saying it is alive; nobody was connected to it", (string?)instance);
            }
        }
    }
}
