using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;

namespace Remandzana.Web.Health;

/// <summary>Healthy when a file can be created and removed in the feedback folder.</summary>
public sealed class FeedbackFolderHealthCheck(IOptions<FeedbackOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(options.Value.Directory);
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".healthz-{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return Task.FromResult(HealthCheckResult.Healthy($"{folder} is writable"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"feedback folder {folder} is not writable: {e.Message}"));
        }
    }
}
