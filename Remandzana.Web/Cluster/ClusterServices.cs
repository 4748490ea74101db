using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using Remandzana.Domain.Moderation;
using Remandzana.Web.Grains;
using Remandzana.Web.Metrics;
using Remandzana.Web.Options;
using Remandzana.Web.Redis;
using Remandzana.Web.Sessions;
using Remandzana.Web.Storage;
using StackExchange.Redis;

namespace Remandzana.Web.Cluster;

public static class ClusterServices
{
    public const string RoomStorage = "rooms";

    /// <summary>
    /// Where the site's own decisions are kept (site settings, filters): scaled out in Redis beside
    /// the rooms, never expiring; alone, one JSON file per grain state in <see cref="StateDirectorySetting"/>.
    /// </summary>
    public const string SiteStorage = "site";

    /// <summary>The folder of <see cref="SiteStorage"/>'s files when the site runs alone.</summary>
    public const string StateDirectorySetting = "Remandzana:Console:StateDirectory";

    /// <summary>
    /// This instance as an Orleans silo: alone with localhost clustering (the default), or one of
    /// several clustered through Redis, where the rooms are also stored.
    /// </summary>
    public static IHostBuilder UseChatCluster(this IHostBuilder host, IConfiguration configuration)
    {
        var settings = configuration.GetSection(BackplaneOptions.Section).Get<BackplaneOptions>() ?? new BackplaneOptions();
        host.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = settings.KeyPrefix;
                cluster.ServiceId = "remandzana";
            });
            silo.Configure<SiloOptions>(options => options.SiloName = string.IsNullOrWhiteSpace(settings.InstanceName)
                ? $"{Environment.MachineName}-{Environment.ProcessId}"
                : settings.InstanceName);
            if (settings.Enabled)
            {
                var redis = ConfigurationOptions.Parse(settings.Redis);
                redis.AbortOnConnectFail = false;
                // Started while Redis is down, the silo waits for it instead of failing, and the
                // web server does not wait for the silo: pages are served, chat answers 503 until then.
                silo.Services.Configure<HostOptions>(options => options.ServicesStartConcurrently = true);
                silo.UseRedisClustering(options =>
                {
                    options.ConfigurationOptions = redis;
                    options.CreateMultiplexer = async clustering => (await ConnectWhenReachable(clustering.ConfigurationOptions!), false);
                });
                silo.AddRedisGrainStorage(RoomStorage, options =>
                {
                    options.ConfigurationOptions = redis;
                    options.CreateMultiplexer = async storage => (await ConnectWhenReachable(storage.ConfigurationOptions!), false);
                    options.DeleteStateOnClear = true;
                    // A room whose members all died with their instances is told by nobody: it expires.
                    options.EntryExpiry = TimeSpan.FromDays(2);
                });
                silo.AddRedisGrainStorage(SiteStorage, options =>
                {
                    options.ConfigurationOptions = redis;
                    options.CreateMultiplexer = async storage => (await ConnectWhenReachable(storage.ConfigurationOptions!), false);
                    options.DeleteStateOnClear = true;
                });
                // One activation per grain even while silos join and leave: the default directory is only
                // eventually consistent, and a second matchmaker or room for a moment splits people apart.
                // This one is kept by the silos themselves (Orleans marks it for evaluation); a directory in
                // Redis would stop open chats while Redis is away. Its lease after a crash (30 s, in
                // case the silo declared dead still runs) would keep the rooms it knew unreachable long
                // after their people should be told: a silo that learns it was declared dead stops itself.
#pragma warning disable ORLEANSEXP003
                silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
                silo.Configure<GrainDirectoryOptions>(directory => directory.RangeLeaseDuration = TimeSpan.Zero);
                // The silo listens on the address it advertises, not on every interface, and opens no
                // gateway: the site has no Orleans client outside its own instances.
                var advertised = AdvertisedAddress(settings);
                silo.ConfigureEndpoints(advertised, settings.SiloPort, gatewayPort: 0);
                silo.UseClusterTransport(settings, advertised);
                // A silo killed without warning is declared dead within a few seconds, so its people's partners are told quickly.
                silo.Configure<ClusterMembershipOptions>(membership =>
                {
                    membership.ProbeTimeout = TimeSpan.FromSeconds(1);
                    membership.NumMissedProbesLimit = 2;
                    membership.TableRefreshTimeout = TimeSpan.FromSeconds(5);
                    membership.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
                });
            }
            else
            {
                silo.UseLocalhostClustering(settings.SiloPort, gatewayPort: 0);
                silo.Services.AddGrainStorage(RoomStorage, (_, _) => new NoRoomStorage());
                var stateDirectory = configuration[StateDirectorySetting];
                silo.Services.AddGrainStorage(SiteStorage, (_, _) => new JsonFileGrainStorage(string.IsNullOrWhiteSpace(stateDirectory) ? "state" : stateDirectory));
            }

            silo.AddChatGrains();
        });
        return host;
    }

    /// <summary>
    /// The chat's own part of a silo, whatever clusters it and stores its rooms: this instance's
    /// grain service, and how long a grain call may take.
    /// </summary>
    public static ISiloBuilder AddChatGrains(this ISiloBuilder silo)
    {
        silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(10));
        silo.AddGrainService<InstanceService>();
        return silo;
    }

    /// <summary>The switchboard and this instance's side of the cluster (its sessions, its grain service client, the silo watch).</summary>
    /// <param name="scaledOut">Chat is available only while Redis (the key ring's home) is reachable.</param>
    public static IServiceCollection AddClusterSwitchboard(this IServiceCollection services, bool scaledOut)
    {
        services.AddSingleton(new RoomStorageMode(scaledOut));
        services.AddMetrics();
        services.TryAddSingleton<Operator.InstanceActivity>();
        services.TryAddSingleton<SiteMetrics>();
        services.TryAddSingleton(EchoLimits.Default);
        // Copies of texts, counted here in the room's turn and shared with the other instances in batches.
        services.TryAddSingleton(provider => new Moderation.PoliciesInForce(provider.GetRequiredService<PoliciesByMode>()));
        services.AddSingleton<Moderation.EchoWatch>();
        // The operator's filters as this instance last read them (Operator.SharedCopiesWatch refreshes them where the console runs).
        services.TryAddSingleton<Operator.ChatFilterBook>();
        services.AddHostedService<EchoSharing>();
        // What each person was shown, for "Save conversation": the sessions record it (Remandzana:Transcripts).
        services.AddSingleton<Chat.Transcripts>();
        services.AddSingleton<LocalSessions>();
        services.TryAddSingleton<Operator.ThisInstance>();
        services.AddSingleton<InstanceClient>();
        services.AddSingleton<RoomOpening>();
        services.AddSingleton(provider => new ClusterSwitchboard(
            provider.GetRequiredService<LocalSessions>(),
            provider.GetRequiredService<InstanceClient>(),
            provider.GetRequiredService<IClusterMembershipService>(),
            provider.GetRequiredService<IRelayTally>(),
            scaledOut ? () => provider.GetRequiredService<RedisConnection>().IsConnected : () => true,
            provider.GetRequiredService<ILocalSiloDetails>(),
            provider.GetRequiredService<SiteMetrics>(),
            provider.GetRequiredService<RoomOpening>(),
            provider.GetRequiredService<IOptions<ChatOptions>>().Value.MaxMessageLength));
        services.AddHostedService<SiloWatch>();
        return services;
    }

    private static async Task<IConnectionMultiplexer> ConnectWhenReachable(ConfigurationOptions options)
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
        while (!multiplexer.IsConnected)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return multiplexer;
    }

    private static IPAddress AdvertisedAddress(BackplaneOptions settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.AdvertisedAddress))
        {
            return IPAddress.TryParse(settings.AdvertisedAddress, out var address)
                ? address
                : Dns.GetHostAddresses(settings.AdvertisedAddress).First(candidate => candidate.AddressFamily == AddressFamily.InterNetwork);
        }

        return Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(candidate => candidate.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(candidate))
            ?? IPAddress.Loopback;
    }
}
