using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Security;

namespace Remandzana.Web.Health;

/// <summary>Healthy when the Data Protection key ring folder exists (or can be made, owner-only) and its keys can be read.</summary>
public sealed class KeyRingHealthCheck(IOptions<KeyRingOptions> options, IOptions<BackplaneOptions> backplane) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (backplane.Value.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("the key ring is kept in Redis (see the redis check)"));
        }

        var folder = Path.GetFullPath(options.Value.Directory);
        try
        {
            KeyRingFolder.Prepare(folder);
            var keys = 0;
            foreach (var key in Directory.EnumerateFiles(folder, "*.xml"))
            {
                using var _ = File.OpenRead(key);
                keys++;
            }

            return Task.FromResult(HealthCheckResult.Healthy($"{folder} is readable ({keys} keys)"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"key ring folder {folder} is not readable: {e.Message}"));
        }
    }
}
