using Microsoft.Extensions.Diagnostics.HealthChecks;
using Remandzana.Web.Backplane;

namespace Remandzana.Web.Health;

/// <summary>Degraded (still 200) while Redis is unreachable: the instance is fine and serves pages, chat waits for Redis.</summary>
public sealed class BackplaneHealthCheck(RedisConnection redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.IsConnected
            ? HealthCheckResult.Healthy($"Redis reachable (instance {redis.Instance})")
            : HealthCheckResult.Degraded($"Redis unreachable (instance {redis.Instance}): chat pages answer 503"));
}
