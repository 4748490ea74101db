using Microsoft.Extensions.Options;
using Remandzana.Web.Cluster;
using Remandzana.Web.Options;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Operator;

/// <summary>
/// Reads every <see cref="ISharedCopy"/> (the site settings, the filters) again every
/// <c>Remandzana:SiteSettings:RefreshMilliseconds</c>, so a change made on another instance is in force
/// here within that. A copy that cannot be read keeps the last one read, said once in the log.
/// </summary>
/// <remarks>On the wall clock, not the site's <see cref="TimeProvider"/>: this is how long an operator waits, whatever time the chat is told.</remarks>
public sealed partial class SharedCopiesWatch(IEnumerable<ISharedCopy> copies, ClusterSwitchboard switchboard, IOptions<SiteSettingsOptions> options, ILogger<SharedCopiesWatch> logger) : BackgroundService
{
    private readonly HashSet<ISharedCopy> _failing = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.RefreshMilliseconds));
        do
        {
            if (!switchboard.IsAvailable)
            {
                continue;
            }

            foreach (var copy in copies)
            {
                await Refresh(copy);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task Refresh(ISharedCopy copy)
    {
        try
        {
            await copy.Refresh();
            if (_failing.Remove(copy))
            {
                LogRecovered(copy.What);
            }
        }
        catch (Exception e) when (ClusterFailure.Is(e) || e is IOException or System.Text.Json.JsonException)
        {
            if (_failing.Add(copy))
            {
                LogRefreshFailed(copy.What, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What} could not be read; the last read stays in force: {Reason}")]
    private partial void LogRefreshFailed(string what, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{What} can be read again")]
    private partial void LogRecovered(string what);
}
