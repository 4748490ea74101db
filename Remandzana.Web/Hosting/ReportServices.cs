using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Remandzana.Web.Abuse;
using Remandzana.Web.Options;
using Remandzana.Web.Reports;

namespace Remandzana.Web.Hosting;

public static class ReportServices
{
    /// <summary>The rate-limiting policy on reports: a fixed window per client address (an IPv6 /64 counted as one, see <see cref="RequestOrigin.BlockOf"/>).</summary>
    public const string RateLimitPolicy = "reports";

    /// <summary>The reports folder, the operator's bars (read from it, shared across instances, by the keyed hash of an origin), the reports counter and the retention sweep (of feedback too).</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<OriginHashes>();
        services.AddSingleton<IOriginHashKey>(provider => provider.GetService<Redis.RedisConnection>() is { } redis
            ? new Redis.RedisOriginHashKey(redis, provider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>())
            : ActivatorUtilities.CreateInstance<FolderOriginHashKey>(provider));
        services.AddHostedService<Storage.RetentionSweep>();
        services.AddSingleton<Bars>();
        services.AddSingleton<BarGate>();
        services.AddSingleton<ReportMetrics>();
        services.AddHostedService<BarsRefresher>();
        services.AddRateLimiter(limiter => limiter.AddPolicy(RateLimitPolicy, context =>
        {
            var reports = context.RequestServices.GetRequiredService<IOptions<ReportsOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(
                RequestOrigin.BlockOf(context)?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = reports.RateLimitPermits,
                    Window = TimeSpan.FromSeconds(reports.RateLimitWindowSeconds),
                    QueueLimit = 0,
                });
        }));
        return services;
    }
}
