using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Remandzana.Web.Health;

/// <summary>Healthy when a file can be created and removed in the feedback folder (Remandzana:Feedback:Directory).</summary>
public sealed class FeedbackFolderHealthCheck(IConfiguration configuration) : IHealthCheck
{
    // Read straight from configuration so this check does not depend on the feedback feature's options type.
    public const string DirectoryKey = "Remandzana:Feedback:Directory";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(configuration[DirectoryKey] is { Length: > 0 } configured ? configured : "feedback");
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
