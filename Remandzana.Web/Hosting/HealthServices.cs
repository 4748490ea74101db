using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
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
            .AddCheck<KeyRingHealthCheck>("key-ring");
        return services;
    }

    /// <summary>
    /// The health checks once the instance is warm; until then "Unhealthy" at once, so that a
    /// load balancer sends it nobody yet. Not as a failing health check: each poll of one is
    /// logged as an error, and warming up is no error.
    /// </summary>
    public static IEndpointConventionBuilder MapOperationalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        var readiness = endpoints.ServiceProvider.GetRequiredService<Readiness>();
        var pipeline = endpoints.CreateApplicationBuilder()
            .Use(async (context, next) =>
            {
                if (readiness.IsWarm)
                {
                    await next(context);
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.CacheControl = "no-store, no-cache";
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync(nameof(HealthStatus.Unhealthy));
            })
            .UseMiddleware<HealthCheckMiddleware>(Microsoft.Extensions.Options.Options.Create(new HealthCheckOptions()))
            .Build();
        return endpoints.Map(Path, pipeline).WithDisplayName("Health checks");
    }
}
