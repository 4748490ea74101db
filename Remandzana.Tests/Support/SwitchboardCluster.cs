using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.Switchboards;
using Remandzana.Web.Backplane;
using Remandzana.Web.Options;
using Remandzana.Web.Switchboards;

namespace Remandzana.Tests.Support;

/// <summary>
/// Switchboards as instances of one site see them: in memory, every instance is the same
/// switchboard; through Redis, each instance has its own connection, replica and channel.
/// </summary>
public sealed class SwitchboardCluster : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    private SwitchboardCluster(IReadOnlyList<IChatSwitchboard> instances) => Instances = instances;

    public IReadOnlyList<IChatSwitchboard> Instances { get; private set; }

    public IChatSwitchboard this[int instance] => Instances[instance % Instances.Count];

    public static SwitchboardCluster InMemory(PoliciesByMode? policies = null, int mailboxCapacity = 256)
    {
        var board = new Switchboard(new SwitchboardSettings(mailboxCapacity), TimeProvider.System, new Random(1), policies);
        return new SwitchboardCluster([new InMemorySwitchboard(board)]);
    }

    /// <summary><paramref name="count"/> instances sharing <paramref name="redis"/>, each listening to its channel and saying it is alive.</summary>
    public static async Task<SwitchboardCluster> Redis(RedisServer redis, int count, PoliciesByMode? policies = null, int mailboxCapacity = 256, int heartbeatSeconds = 2, int instanceTimeoutSeconds = 8)
    {
        var cluster = new SwitchboardCluster([]);
        var instances = new List<IChatSwitchboard>();
        for (var i = 0; i < count; i++)
        {
            var backplane = Options.Create(new BackplaneOptions
            {
                Redis = redis.ConnectionString,
                InstanceName = $"test-{i}-{Guid.NewGuid():N}",
                HeartbeatSeconds = heartbeatSeconds,
                InstanceTimeoutSeconds = instanceTimeoutSeconds,
            });
            var connection = new RedisConnection(backplane);
            var switchboard = new RedisSwitchboard(connection, Options.Create(new ChatOptions { MailboxCapacity = mailboxCapacity }), TimeProvider.System, NullLogger<RedisSwitchboard>.Instance, policies);
            var liveness = new InstanceLiveness(connection, switchboard, new SharedKeyRing(connection), TimeProvider.System, backplane, NullLogger<InstanceLiveness>.Instance);
            await liveness.StartAsync(CancellationToken.None);
            cluster._owned.Add(new Instance(connection, switchboard, liveness));
            instances.Add(switchboard);
        }

        cluster.Instances = instances;
        return cluster;
    }

    /// <summary>Kills an instance as a crash would: it stops listening and saying it is alive, and tells nobody.</summary>
    public async Task Kill(int instance)
    {
        var owned = (Instance)_owned[instance];
        await owned.Liveness.StopAsync(CancellationToken.None);
        owned.Connection.Dispose();
    }

    /// <summary>Waits until every instance's connection to Redis is up (after Redis came back).</summary>
    public async Task WaitUntilConnected(TimeSpan patience)
    {
        foreach (var owned in _owned.Cast<Instance>())
        {
            var multiplexer = owned.Connection.Multiplexer;
            var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            multiplexer.ConnectionRestored += (_, _) =>
            {
                if (multiplexer.IsConnected)
                {
                    restored.TrySetResult();
                }
            };
            if (!multiplexer.IsConnected)
            {
                await restored.Task.WaitAsync(patience);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }

    private sealed record Instance(RedisConnection Connection, RedisSwitchboard Switchboard, InstanceLiveness Liveness) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Liveness.StopAsync(CancellationToken.None);
            Liveness.Dispose();
            Connection.Dispose();
        }
    }
}
