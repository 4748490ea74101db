using Remandzana.Web.Health;

namespace Remandzana.Web.Hosting;

public static class HealthServices
{
    public const string Path = "/healthz";

    /// <summary>/healthz: 200 "Healthy" when the feedback folder is writable and the key ring readable, else 503.</summary>
    public static IServiceCollection AddOperationalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<FeedbackFolderHealthCheck>("feedback-folder")
            .AddCheck<KeyRingHealthCheck>("key-ring");
        return services;
    }

    public static IEndpointConventionBuilder MapOperationalHealthChecks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks(Path);
}
