using Microsoft.Extensions.Options;
using Remandzana.Web.Options;

namespace Remandzana.Web.Redis;

/// <summary>Writes the messages this instance relayed to Redis every Remandzana:Metrics:CountWriteSeconds, and once more on stopping.</summary>
public sealed class RelayTallyWriter(RedisRelayTally tally, TimeProvider time, IOptions<MetricsOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CountWriteSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await tally.Write();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await tally.Write();
    }
}
