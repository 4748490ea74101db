using Microsoft.Extensions.Options;
using Remandzana.Web.Cluster;
using Remandzana.Web.Options;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Operator;

/// <summary>Asks for the filters every <c>Remandzana:SiteSettings:RefreshMilliseconds</c> (as the site settings), so a change made on another instance is in force here within that.</summary>
/// <remarks>On the wall clock, not the site's <see cref="TimeProvider"/>: this is how long an operator waits, whatever time the chat is told.</remarks>
public sealed partial class ChatFiltersWatch(ChatFilterBook filters, ClusterSwitchboard switchboard, IOptions<SiteSettingsOptions> options, ILogger<ChatFiltersWatch> logger) : BackgroundService
{
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.RefreshMilliseconds));
        do
        {
            if (!switchboard.IsAvailable)
            {
                continue;
            }

            try
            {
                await filters.Refresh();
                if (_failing)
                {
                    _failing = false;
                    LogRecovered();
                }
            }
            catch (Exception e) when (ClusterFailure.Is(e) || e is IOException or System.Text.Json.JsonException)
            {
                if (!_failing)
                {
                    _failing = true;
                    LogRefreshFailed(e.Message);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The filters could not be read; the last ones read stay in force: {Reason}")]
    private partial void LogRefreshFailed(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The filters can be read again")]
    private partial void LogRecovered();
}
