using Microsoft.Extensions.Options;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Reports;

/// <summary>Reads the report files for bars every <c>Remandzana:Reports:RescanSeconds</c>, so an operator's edit takes effect site-wide within that.</summary>
public sealed partial class BarsRefresher(Bars bars, ClusterSwitchboard switchboard, IOptions<ReportsOptions> options, TimeProvider time, ILogger<BarsRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RescanSeconds), time);
        Task<bool>? tick = null;
        Task<bool>? woken = null;
        do
        {
            if (switchboard.IsAvailable)
            {
                try
                {
                    await bars.Refresh(stoppingToken);
                }
                catch (Exception e) when (ClusterFailure.Is(e) || e is IOException or OriginHashKeyUnavailableException)
                {
                    LogRefreshFailed(e.Message);
                }
            }

            // Whichever comes first: the rescan, or another instance's word that the operator changed a bar.
            tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
            woken ??= bars.Woken(stoppingToken).AsTask();
            var first = await Task.WhenAny(tick, woken);
            if (first == tick)
            {
                if (!await tick)
                {
                    return;
                }

                tick = null;
            }
            else
            {
                await woken;
                woken = null;
            }
        }
        while (!stoppingToken.IsCancellationRequested);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The operator's bars could not be refreshed: {Reason}")]
    private partial void LogRefreshFailed(string reason);
}
