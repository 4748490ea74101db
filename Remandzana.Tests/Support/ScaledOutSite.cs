namespace Remandzana.Tests.Support;

/// <summary>
/// Several app processes on their own Kestrel ports sharing one real redis-server, as operators
/// run them behind a load balancer. Each has its own key-ring folder, so a token that works on
/// every instance proves the keys come from Redis.
/// </summary>
public sealed class ScaledOutSite : IAsyncDisposable
{
    private readonly bool _ownsRedis;

    private ScaledOutSite(RedisServer redis, IReadOnlyList<AppProcess> instances, bool ownsRedis)
    {
        Redis = redis;
        Instances = instances;
        _ownsRedis = ownsRedis;
    }

    public RedisServer Redis { get; }

    public IReadOnlyList<AppProcess> Instances { get; }

    public AppProcess this[int instance] => Instances[instance];

    public static async Task<ScaledOutSite> Start(int instances, RedisServer? redis = null)
    {
        var owned = redis is null;
        redis ??= await RedisServer.Start();
        var started = await Task.WhenAll(Enumerable.Range(0, instances).Select(i => AppProcess.Start(new Dictionary<string, string>
        {
            ["Remandzana__Backplane__Redis"] = redis.ConnectionString,
            ["Remandzana__Backplane__InstanceName"] = $"instance-{i}",
            ["Remandzana__Backplane__HeartbeatSeconds"] = "1",
            ["Remandzana__Backplane__InstanceTimeoutSeconds"] = "4",
            ["Remandzana__Limits__PerAddressLimitsEnabled"] = "false",
            ["Remandzana__Limits__SendBurst"] = "100000",
            ["Remandzana__Limits__SendPerSecond"] = "100000",
            ["Remandzana__Metrics__RecomputeSeconds"] = "0",
        })));
        return new ScaledOutSite(redis, started, owned);
    }

    /// <summary>Waits until nobody is left in Redis (the instances notice closed tabs a few milliseconds after the sockets close).</summary>
    public async Task WaitUntilEveryoneHasLeft()
    {
        for (var attempt = 0; await Redis.Ask("ZCARD {rz}:people") != ":0"; attempt++)
        {
            if (attempt == 500)
            {
                Assert.Fail("Timed out waiting for everyone to leave the shared switchboard.");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var instance in Instances)
            {
                await instance.DisposeAsync();
            }
        }
        finally
        {
            if (_ownsRedis)
            {
                await Redis.DisposeAsync();
            }
        }
    }
}
