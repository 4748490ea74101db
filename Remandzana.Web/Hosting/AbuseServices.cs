using Remandzana.Web.Abuse;
using Remandzana.Web.Options;

namespace Remandzana.Web.Hosting;

public static class AbuseServices
{
    /// <summary>Flood control per person, stream limits per address and for the site, strict small forms.</summary>
    public static IServiceCollection AddAbuseResistance(this IServiceCollection services)
    {
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StreamGate>();
        services.AddSingleton<SendFloodGate>();
        services.AddSingleton<FormReader>();
        return services;
    }
}
