using Remandzana.Web.Feedback;
using Remandzana.Web.Reports;

namespace Remandzana.Web.Storage;

/// <summary>
/// Every hour, deletes the closed reports older than <c>Remandzana:Reports:KeepDays</c> (unless a
/// bar in them still holds) and the feedback never published that is older than
/// <c>Remandzana:Feedback:KeepDays</c>. Instances that share a folder may sweep it together:
/// a file another one deleted first is simply gone.
/// </summary>
public sealed partial class RetentionSweep(ReportStore reports, FeedbackStore feedback, TimeProvider time, ILogger<RetentionSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    // Started with the instance, not when ExecuteAsync gets a thread: the first sweep is an hour after the start.
    private readonly PeriodicTimer _timer = new(Period, time);

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _timer.WaitForNextTickAsync(stoppingToken))
        {
            var deletedReports = Sweep(reports.Sweep);
            var deletedFeedback = Sweep(feedback.Sweep);
            if (deletedReports + deletedFeedback > 0)
            {
                LogSwept(deletedReports, deletedFeedback);
            }
        }
    }

    /// <summary>One folder's sweep; a folder that cannot be read now is swept the next hour, and the other still is.</summary>
    private int Sweep(Func<int> sweep)
    {
        try
        {
            return sweep();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogSweepFailed(e.Message);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Reports} closed reports and {Feedback} unpublished feedback entries past their keeping time")]
    private partial void LogSwept(int reports, int feedback);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep failed, tried again in an hour: {Reason}")]
    private partial void LogSweepFailed(string reason);
}
