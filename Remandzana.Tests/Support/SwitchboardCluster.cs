using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Web.Cluster;
using Remandzana.Web.Debug;
using Remandzana.Web.Grains;
using Remandzana.Web.Metrics;
using Remandzana.Web.Moderation;
using Remandzana.Web.Options;
using Remandzana.Web.Redis;
using Remandzana.Web.Sessions;

namespace Remandzana.Tests.Support;

/// <summary>
/// Switchboards as instances of one site see them: one silo alone (the embedded default), several
/// silos on Orleans' in-process test cluster, or several silos in this process clustered through a
/// real redis-server. A send goes through whichever instance the test names, as behind a
/// round-robin proxy.
/// </summary>
public sealed class SwitchboardCluster : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];
    private readonly ConcurrentDictionary<PersonId, SiloAddress> _homes = new();
    private InProcessTestCluster? _inProcess;

    private SwitchboardCluster()
    {
    }

    public int Count => _hosts.Count;

    public IReadOnlyList<Instance> Instances => _hosts.Select((_, i) => this[i]).ToList();

    /// <summary>The grains as <paramref name="instance"/> reaches them, for calls no page would make.</summary>
    public IGrainFactory Grains(int instance) => _hosts[instance % _hosts.Count].Services.GetRequiredService<IGrainFactory>();

    /// <summary>The echo count of <paramref name="instance"/> (RepeatedText).</summary>
    public EchoWatch EchoWatch(int instance) => _hosts[instance % _hosts.Count].Services.GetRequiredService<EchoWatch>();

    public Instance this[int instance] => new(this, _hosts[instance % _hosts.Count].Services.GetRequiredService<ClusterSwitchboard>());

    /// <param name="calls">Sees every call a grain receives, before it runs (to make one fail on purpose).</param>
    public static Task<SwitchboardCluster> Alone(PoliciesByMode? policies = null, int mailboxCapacity = 256, IIncomingGrainCallFilter? calls = null) => Start(null, 1, policies, mailboxCapacity, calls);

    /// <summary><paramref name="count"/> silos clustered through <paramref name="redis"/>.</summary>
    public static Task<SwitchboardCluster> Redis(RedisServer redis, int count, PoliciesByMode? policies = null, int mailboxCapacity = 256) =>
        Start(redis, count, policies, mailboxCapacity);

    /// <summary>
    /// <paramref name="count"/> silos on Orleans' in-process test cluster: its own membership and
    /// transport stand in for Redis and TLS, and each silo carries the chat as a scaled-out instance
    /// does, its rooms stored (in memory) whenever they change.
    /// </summary>
    public static async Task<SwitchboardCluster> InProcess(int count, PoliciesByMode? policies = null, int mailboxCapacity = 256)
    {
        var builder = new InProcessTestClusterBuilder((short)count);
        builder.Options.InitializeClientOnDeploy = false;
        builder.Options.ConfigureFileLogging = false;
#pragma warning disable ORLEANSEXP003
        builder.Options.UseDistributedGrainDirectory = true;
#pragma warning restore ORLEANSEXP003
        builder.ConfigureSiloHost((silo, host) =>
        {
            host.Configuration.AddInMemoryCollection(Settings(redis: null, certificate: "", builder.Options.ClusterId, silo.SiloPort, silo.SiloName, mailboxCapacity));
            host.Logging.SetMinimumLevel(LogLevel.Warning);
            AddSwitchboard(host.Services, redis: null, policies, calls: null);
            host.Services.AddSingleton(new RoomStorageMode(Stored: true));
        });
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorage(ClusterServices.RoomStorage).AddMemoryGrainStorage(ClusterServices.SiteStorage).AddChatGrains());
        var testCluster = builder.Build();
        await testCluster.DeployAsync();
        var cluster = new SwitchboardCluster { _inProcess = testCluster };
        cluster._hosts.AddRange(testCluster.Silos.Select(silo => silo.SiloHost));

        await cluster.WaitUntilEverySiloSeesTheOthers();
        return cluster;
    }

    private static async Task<SwitchboardCluster> Start(RedisServer? redis, int count, PoliciesByMode? policies, int mailboxCapacity, IIncomingGrainCallFilter? calls = null)
    {
        var cluster = new SwitchboardCluster();
        var clusterId = $"t{Guid.NewGuid():N}"[..12];
        for (var i = 0; i < count; i++)
        {
            // Clustered, the silos talk over TLS with the run's certificate, as an operator's do.
            var certificate = redis is null ? "" : await TestCertificates.Cluster();
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(redis, certificate, clusterId, FreePort.Next(), $"test-{i}", mailboxCapacity)).Build();
            var host = new HostBuilder()
                .ConfigureAppConfiguration(app => app.AddConfiguration(configuration))
                .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
                .UseChatCluster(configuration)
                .ConfigureServices(services => AddSwitchboard(services, redis, policies, calls))
                .Build();
            await host.StartAsync();
            cluster._hosts.Add(host);
        }

        await cluster.WaitUntilEverySiloSeesTheOthers();
        return cluster;
    }

    private static Dictionary<string, string?> Settings(RedisServer? redis, string certificate, string clusterId, int siloPort, string instance, int mailboxCapacity) => new()
    {
        ["Remandzana:Backplane:Redis"] = redis?.ConnectionString ?? "",
        ["Remandzana:Backplane:Certificate"] = certificate,
        ["Remandzana:Backplane:KeyPrefix"] = clusterId,
        ["Remandzana:Backplane:SiloPort"] = $"{siloPort}",
        ["Remandzana:Backplane:AdvertisedAddress"] = "127.0.0.1",
        ["Remandzana:Backplane:InstanceName"] = instance,
        ["Remandzana:Chat:MailboxCapacity"] = $"{mailboxCapacity}",
        ["Remandzana:Matching:InterestWaitSeconds"] = "1",
    };

    private static void AddSwitchboard(IServiceCollection services, RedisServer? redis, PoliciesByMode? policies, IIncomingGrainCallFilter? calls)
    {
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.Section);
        services.AddOptions<BackplaneOptions>().BindConfiguration(BackplaneOptions.Section);
        services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.Section);
        services.AddSingleton(policies ?? PoliciesByMode.None);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IRelayTally, NoTally>();
        if (redis is not null)
        {
            services.AddSingleton<RedisConnection>();
        }

        services.AddClusterSwitchboard(scaledOut: redis is not null);
        if (calls is not null)
        {
            services.AddSingleton(calls);
        }
    }

    private async Task WaitUntilEverySiloSeesTheOthers()
    {
        foreach (var host in _hosts)
        {
            var membership = host.Services.GetRequiredService<IClusterMembershipService>();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (membership.CurrentSnapshot.Members.Values.Count(member => member.Status == SiloStatus.Active) < _hosts.Count)
            {
                await membership.Refresh(cancellationToken: patience.Token);
                await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token);
            }
        }
    }

    /// <summary>Stops an instance as a crash would: its silo goes without leaving the cluster, and its people tell nobody.</summary>
    public async Task Kill(int instance)
    {
        using var now = new CancellationTokenSource();
        await now.CancelAsync();
        try
        {
            await _hosts[instance].StopAsync(now.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Waits until every instance's connection to Redis is up (after Redis came back).</summary>
    public async Task WaitUntilConnected(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        foreach (var host in _hosts)
        {
            var redis = host.Services.GetRequiredService<RedisConnection>();
            while (!redis.IsConnected)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
        }
    }

    /// <summary>Waits until every instance has noticed that Redis went away.</summary>
    public async Task WaitUntilDisconnected(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        foreach (var host in _hosts)
        {
            var redis = host.Services.GetRequiredService<RedisConnection>();
            while (redis.IsConnected)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_inProcess is not null)
        {
            // One at a time, the last started first: stopped together, a silo often waited about 3 s
            // for the others that had already gone.
            foreach (var silo in _inProcess.Silos.Reverse())
            {
                await StopWithinPatience(silo);
            }

            await _inProcess.DisposeAsync();
            return;
        }

        foreach (var host in _hosts)
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await host.StopAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
            }

            host.Dispose();
        }
    }

    private async Task StopWithinPatience(InProcessSiloHandle silo)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _inProcess!.StopSiloAsync(silo, patience.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One instance's switchboard; a send reaches its author's stream wherever it is.</summary>
    public sealed class Instance(SwitchboardCluster cluster, ClusterSwitchboard switchboard)
    {
        public ClusterSwitchboard Switchboard => switchboard;

        public async Task<Session?> Join(ChatEntry entry, Preferences? preferences = null, Origin? origin = null)
        {
            var person = await switchboard.Join(entry, preferences, origin);
            if (person is not null)
            {
                cluster._homes[person.Id] = switchboard.Home;
            }

            return person;
        }

        public ValueTask<SendResult> Send(PersonId id, string? text) =>
            switchboard.Send(id, text, cluster._homes.GetValueOrDefault(id) ?? switchboard.Home);

        public ValueTask<ReportMaterial> Report(PersonId id) =>
            switchboard.Report(id, cluster._homes.GetValueOrDefault(id) ?? switchboard.Home);

        public ValueTask<SetupResult> SubmitQuestion(PersonId id, string? question) =>
            switchboard.SubmitQuestion(id, question, cluster._homes.GetValueOrDefault(id) ?? switchboard.Home);

        /// <summary>Their stream ended: the instance that serves it tells the cluster.</summary>
        public ValueTask Leave(PersonId id) =>
            cluster._hosts.Select(host => host.Services.GetRequiredService<ClusterSwitchboard>()).First(candidate => candidate.Home.Equals(cluster._homes[id])).Leave(id);

        public ValueTask<DebugSnapshot> Snapshot() => switchboard.Snapshot();

        public ValueTask<QuestionSide> SuggestQuestionSide() => switchboard.SuggestQuestionSide();

        public ValueTask Stop() => switchboard.Stop();
    }

    private sealed class NoTally : IRelayTally
    {
        public void Record()
        {
        }
    }
}
