using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Remandzana.Domain.Metrics;
using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Metrics;
using Remandzana.Web.Options;
using Remandzana.Web.Redis;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Hosting;

public static class ChatServices
{
    /// <summary>
    /// The switchboard on the cluster, the send-form tokens and their key ring, the message count,
    /// with validated options. Scaled out (Remandzana:Backplane:Redis), the key ring and the count
    /// are shared in Redis; alone, the key ring is a folder and the count is this process's.
    /// </summary>
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BackplaneOptions>().BindConfiguration(BackplaneOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var scaledOut = (configuration.GetSection(BackplaneOptions.Section).Get<BackplaneOptions>() ?? new BackplaneOptions()).Enabled;
        var keyRingCertificate = KeyRingCertificate.Load(configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions());

        services.AddSingleton(TimeProvider.System);
        services.AddClusterSwitchboard(scaledOut);
        services.AddHostedService<ClusterShutdown>();
        services.AddSingleton<SendTokens>();
        services.AddSingleton<ResumeLinks>();
        services.AddSingleton<Heartbeats>();
        services.AddSingleton<LineMarkup>();
        services.AddSingleton<ChatStream>();
        services.AddSingleton<SendFormDocument>();
        services.AddSingleton<SendEndpoint>();

        var dataProtection = services.AddDataProtection().SetApplicationName("Remandzana");
        if (keyRingCertificate.Certificate is { } certificate)
        {
            // Encrypts each key before the repository (folder or Redis) stores it, and decrypts with the same certificate.
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        services.AddSingleton(keyRingCertificate);
        services.AddHostedService<KeyRingAtRest>();
        if (scaledOut)
        {
            services.AddSingleton<RedisConnection>();
            services.AddSingleton<SharedKeyRing>();
            services.AddOptions<KeyManagementOptions>().Configure<SharedKeyRing>((keys, keyRing) => keys.XmlRepository = keyRing);
            services.AddHostedService<KeyRingKeeper>();
            services.AddSingleton<RedisRelayTally>();
            services.AddHostedService<RelayTallyWriter>();
            services.AddSingleton<IRelayTally>(provider => new TallyOnceWarm(provider.GetRequiredService<RedisRelayTally>(), provider.GetRequiredService<Health.Readiness>()));
            services.AddSingleton<IMessagesToday, RedisMessagesToday>();
            services.AddHealthChecks().AddCheck<Health.BackplaneHealthCheck>("redis");
        }
        else
        {
            services.AddSingleton<KeyRingFolderCheck>();
            services.AddSingleton<IValidateOptions<KeyRingOptions>>(provider => provider.GetRequiredService<KeyRingFolderCheck>());
            services.AddOptions<KeyManagementOptions>()
                .Configure<IOptions<KeyRingOptions>, ILoggerFactory>((keys, keyRing, logging) =>
                    keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.GetFullPath(keyRing.Value.Directory)), logging));
            services.AddSingleton(provider => new MessageCounter(
                provider.GetRequiredService<TimeProvider>(),
                TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<MetricsOptions>>().Value.RecomputeSeconds)));
            services.AddSingleton<IMessagesToday>(provider => provider.GetRequiredService<MessageCounter>());
            services.AddSingleton<LocalRelayTally>();
            services.AddSingleton<IRelayTally>(provider => new TallyOnceWarm(provider.GetRequiredService<LocalRelayTally>(), provider.GetRequiredService<Health.Readiness>()));
        }

        return services;
    }

    /// <summary>POST /send, answered outside MVC (<see cref="SendEndpoint"/>).</summary>
    public static IEndpointConventionBuilder MapSendForm(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(SendEndpoint.Path, context => context.RequestServices.GetRequiredService<SendEndpoint>().Handle(context));
}
