using Remandzana.Web.Health;
using Remandzana.Web.Options;

namespace Remandzana.Web.Hosting;

public static class HealthServices
{
    public const string Path = "/healthz";

    /// <summary>/healthz: 200 "Healthy" when the feedback folder is writable, the key ring readable and the warm-up over, else 503.</summary>
    public static IServiceCollection AddOperationalHealthChecks(this IServiceCollection services)
    {
        services.AddOptions<WarmUpOptions>().BindConfiguration(WarmUpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Readiness>();
        services.AddHostedService<WarmUp>();
        services.AddHealthChecks()
            .AddCheck<FeedbackFolderHealthCheck>("feedback-folder")
            .AddCheck<KeyRingHealthCheck>("key-ring")
            .AddCheck<WarmUpHealthCheck>("warm-up");
        return services;
    }

    public static IEndpointConventionBuilder MapOperationalHealthChecks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks(Path);
}
