using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;
namespace Remandzana.Web.Cluster;

/// <summary>
/// The clock of Orleans' membership and its watchdog: the host's own clock, with timestamps counted
/// from when the silo was made instead of from when the machine booted. The watchdog's first check
/// can run before it has stamped its participant thread's start (Orleans 10.4, Watchdog.Start),
/// and then measures from timestamp zero: at start-up it warned "Participant check thread has not
/// completed for 02:25:26", the machine's uptime. Counted from the silo's making, that reading is a
/// few seconds and raises nothing; a real stall still is measured between real stamps as before.
/// </summary>
public sealed class WatchdogClock(TimeProvider inner) : TimeProvider
{
    private readonly long _origin = inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long GetTimestamp() => inner.GetTimestamp() - _origin;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
