using Microsoft.Extensions.Options;
using Remandzana.Web.Options;

namespace Remandzana.Web.Feedback;

/// <summary>Lists the feedback folder every <c>Remandzana:Feedback:RescanSeconds</c>, so the operator's edits show within that while readers are served from memory.</summary>
public sealed class FeedbackRefresher(FeedbackStore store, IOptions<FeedbackOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RescanSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            store.Rescan();
        }
    }
}
