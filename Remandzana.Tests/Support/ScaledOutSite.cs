namespace Remandzana.Tests.Support;

/// <summary>
/// Several app processes on their own Kestrel ports sharing one real redis-server, as operators
/// run them behind a load balancer. Each has its own key-ring folder, so a token that works on
/// every instance proves the keys come from Redis. Their silos talk over TLS with the run's
/// <see cref="TestCertificates.Cluster"/> (a setting of "" for Remandzana__Backplane__Certificate
/// runs them in the clear, on loopback).
/// </summary>
public sealed class ScaledOutSite : IAsyncDisposable
{
    private readonly bool _ownsRedis;

    private readonly List<AppProcess> _instances;

    private ScaledOutSite(RedisServer redis, IEnumerable<AppProcess> instances, bool ownsRedis)
    {
        Redis = redis;
        _instances = [.. instances];
        _ownsRedis = ownsRedis;
    }

    public RedisServer Redis { get; }

    public IReadOnlyList<AppProcess> Instances => _instances;

    public AppProcess this[int instance] => Instances[instance];

    /// <param name="settings">More environment settings for every instance (Remandzana__Section__Key).</param>
    public static async Task<ScaledOutSite> Start(int instances, RedisServer? redis = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var owned = redis is null;
        redis ??= await RedisServer.Start();
        var started = await Task.WhenAll(Enumerable.Range(0, instances).Select(i => StartInstance(redis, i, settings)));
        return new ScaledOutSite(redis, started, owned);
    }

    /// <summary>One more instance joins the site (as an operator scaling up would start it).</summary>
    /// <param name="settings">More environment settings for this instance alone (Remandzana__Section__Key).</param>
    public async Task<AppProcess> AddInstance(IReadOnlyDictionary<string, string>? settings = null)
    {
        var instance = await StartInstance(Redis, _instances.Count, settings);
        _instances.Add(instance);
        return instance;
    }

    /// <summary>Starts an instance; while Redis runs, waits until its silo has joined the cluster (/healthz Healthy).</summary>
    private static async Task<AppProcess> StartInstance(RedisServer redis, int number, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Remandzana__Backplane__Redis"] = redis.ConnectionString,
            ["Remandzana__Backplane__Certificate"] = await TestCertificates.Cluster(),
            ["Remandzana__Backplane__InstanceName"] = $"instance-{number}",
            ["Remandzana__Limits__PerAddressLimitsEnabled"] = "false",
            ["Remandzana__Limits__SendBurst"] = "100000",
            ["Remandzana__Limits__SendPerSecond"] = "100000",
            ["Remandzana__Metrics__RecomputeSeconds"] = "0",
            ["Remandzana__Metrics__CountWriteSeconds"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var instance = await AppProcess.Start(environment);
        if (redis.IsRunning)
        {
            using var http = instance.NewClient();
            await Eventually.That(
                async () => await http.GetStringAsync("/healthz") == "Healthy",
                $"instance {number} to join the cluster",
                () => $"its output:\n{string.Join("\n", instance.Output)}");

        }

        return instance;
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
