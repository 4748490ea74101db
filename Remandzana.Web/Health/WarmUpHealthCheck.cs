using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Remandzana.Web.Health;

/// <summary>Unhealthy while the instance warms up, so a load balancer (or the Docker health check) sends it nobody yet.</summary>
public sealed class WarmUpHealthCheck(Readiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsWarm ? HealthCheckResult.Healthy("warm") : HealthCheckResult.Unhealthy("warming up"));
}
