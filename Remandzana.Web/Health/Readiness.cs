namespace Remandzana.Web.Health;

/// <summary>Whether the instance has finished warming up: until then /healthz says it is not ready.</summary>
public sealed class Readiness
{
    private readonly TaskCompletionSource _warm = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsWarm => _warm.Task.IsCompleted;

    /// <summary>Completes when the warm-up has ended (done, skipped or failed).</summary>
    public Task Warm => _warm.Task;

    public void MarkWarm() => _warm.TrySetResult();
}
