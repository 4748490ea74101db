using Microsoft.Extensions.Diagnostics.HealthChecks;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Redis;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Health;

/// <summary>
/// Healthy once this instance's silo has joined the cluster and Redis is reachable. Degraded (still
/// 200) otherwise: the instance is fine and serves pages, chat waits for Redis.
/// </summary>
public sealed class BackplaneHealthCheck(RedisConnection redis, ClusterSwitchboard switchboard) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult((redis.IsConnected, switchboard.IsSiloActive) switch
        {
            (true, true) => HealthCheckResult.Healthy($"Redis reachable, silo active (instance {redis.Instance})"),
            (false, _) => HealthCheckResult.Degraded($"Redis unreachable (instance {redis.Instance}): chat pages answer 503"),
            _ => HealthCheckResult.Degraded($"the silo of instance {redis.Instance} has not joined the cluster yet: chat pages answer 503"),
        });
}
