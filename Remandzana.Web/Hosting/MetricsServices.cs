using Microsoft.Extensions.Options;
using Remandzana.Domain.Metrics;
using Remandzana.Web.Metrics;
using Remandzana.Web.Options;

namespace Remandzana.Web.Hosting;

public static class MetricsServices
{
    /// <summary>
    /// The footer's "N messages today", counted from every message the in-memory switchboard
    /// relays, unless the backplane (AddBackplane, called first) counts them in Redis.
    /// </summary>
    public static IServiceCollection AddMessageMetrics(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (services.Any(service => service.ServiceType == typeof(IMessagesToday)))
        {
            return services;
        }

        services.AddSingleton(provider => new MessageCounter(
            provider.GetRequiredService<TimeProvider>(),
            TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<MetricsOptions>>().Value.RecomputeSeconds)));
        services.AddSingleton<IMessagesToday>(provider => provider.GetRequiredService<MessageCounter>());
        services.AddHostedService<MessageCounting>();
        return services;
    }
}
