using Microsoft.Extensions.Options;
using Remandzana.Web.Metrics;
using Remandzana.Web.Options;

namespace Remandzana.Web.Hosting;

public static class MetricsServices
{
    /// <summary>The site's instruments and their Prometheus export (Remandzana:Metrics:PrometheusEnabled).</summary>
    public static IServiceCollection AddPrometheusMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<SiteMetrics>();
        services.AddSingleton<PrometheusExport>();
        return services;
    }

    /// <summary>Counts every 429 and 503 answer; GET /metrics for loopback and the known proxies.</summary>
    public static WebApplication UsePrometheusMetrics(this WebApplication app)
    {
        var site = app.Services.GetRequiredService<SiteMetrics>();
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
            {
                site.Refused(context.Response.StatusCode);
            }
        });

        if (!app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.PrometheusEnabled)
        {
            return app;
        }

        var export = app.Services.GetRequiredService<PrometheusExport>();
        app.MapGet("/metrics", async context =>
        {
            context.Response.Headers.CacheControl = "no-store";
            if (!export.Admits(context.Connection.RemoteIpAddress))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await export.Write(context.Response.Body, context.RequestAborted);
        });
        return app;
    }
}
