using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Remandzana.Web.Grains;
using Remandzana.Web.Metrics;
using Remandzana.Web.Options;
using Remandzana.Web.Security;

namespace Remandzana.Web.Hosting;

public static class MetricsServices
{
    private const string Path = "/metrics";

    /// <summary>
    /// The site's instruments, and every instrument of the meter "Remandzana" exported for Prometheus
    /// (Remandzana:Metrics:PrometheusEnabled) through OpenTelemetry.
    /// </summary>
    public static IServiceCollection AddPrometheusMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<Operator.InstanceActivity>();
        services.TryAddSingleton<SiteMetrics>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("remandzana"))
            .WithMetrics(metrics => metrics
                .AddMeter(SiteMetrics.MeterName)
                // Every scrape sees the counts of that moment.
                .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0));
        services.ConfigureOpenTelemetryMeterProvider((provider, builder) =>
        {
            // Only this app's meter (made by its own factory): another app in the same process
            // (tests run several) has a meter of the same name that must not mix in.
            var factory = provider.GetRequiredService<IMeterFactory>();
            builder.AddView(instrument => ReferenceEquals(instrument.Meter.Scope, factory) ? null : MetricStreamConfiguration.Drop);
        });
        return services;
    }

    /// <summary>Counts every 429 and 503 answer; serves /metrics, an operator's endpoint (<see cref="OperatorGate"/>).</summary>
    public static WebApplication UsePrometheusMetrics(this WebApplication app)
    {
        var site = app.Services.GetRequiredService<SiteMetrics>();
        var enabled = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.PrometheusEnabled;
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
            {
                site.Refused(context.Response.StatusCode);
            }
        });

        if (enabled)
        {
            app.MapPrometheusScrapingEndpoint(Path).WithMetadata(new OperatorOnlyAttribute());
        }

        return app;
    }
}
