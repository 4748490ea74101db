using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Remandzana.Domain.Metrics;
using Remandzana.Domain.Moderation;
using Remandzana.Web.Backplane;
using Remandzana.Web.Options;
using Remandzana.Web.Switchboards;

namespace Remandzana.Web.Hosting;

public static class BackplaneServices
{
    /// <summary>
    /// With Remandzana:Backplane:Redis set, the switchboard, the Data Protection key ring and the
    /// message count are shared through Redis by every instance; otherwise nothing changes.
    /// </summary>
    public static IServiceCollection AddBackplane(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackplaneOptions>().BindConfiguration(BackplaneOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(BackplaneOptions.Section).Get<BackplaneOptions>() ?? new BackplaneOptions();
        if (!settings.Enabled)
        {
            return services;
        }

        services.AddSingleton<RedisConnection>();
        services.AddSingleton(provider => new RedisSwitchboard(
            provider.GetRequiredService<RedisConnection>(),
            provider.GetRequiredService<IOptions<ChatOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<RedisSwitchboard>>(),
            provider.GetService<PoliciesByMode>()));
        services.AddSingleton<IChatSwitchboard>(provider => provider.GetRequiredService<RedisSwitchboard>());
        services.AddSingleton<IMessagesToday, RedisMessagesToday>();
        services.AddHostedService<InstanceLiveness>();
        services.AddSingleton<SharedKeyRing>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<SharedKeyRing>((keys, keyRing) => keys.XmlRepository = keyRing);
        services.AddHealthChecks().AddCheck<Health.BackplaneHealthCheck>("redis");
        return services;
    }
}
