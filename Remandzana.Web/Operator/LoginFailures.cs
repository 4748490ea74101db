using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;

namespace Remandzana.Web.Operator;

/// <summary>
/// Wrong passwords per origin (<see cref="Abuse.RequestOrigin.BlockOf"/>: an IPv6 /64 counts as one
/// address), in a fixed window: once an origin has used its tries, every login from it, right or
/// wrong, is refused (429) until the window ends, so guessing costs the window and not just a try.
/// Only failures take permits: an operator browsing the console is never slowed.
/// </summary>
public sealed class LoginFailures : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public LoginFailures(IOptions<ConsoleOptions> options)
    {
        var console = options.Value;
        var window = new FixedWindowRateLimiterOptions
        {
            PermitLimit = console.LoginFailuresPerWindow,
            Window = TimeSpan.FromSeconds(console.LoginFailureWindowSeconds),
            QueueLimit = 0,
        };
        Window = window.Window;
        _limiter = PartitionedRateLimiter.Create<string, string>(origin => RateLimitPartition.GetFixedWindowLimiter(origin, _ => window));
    }

    public TimeSpan Window { get; }

    /// <summary>True when <paramref name="origin"/> has no tries left in this window.</summary>
    public bool AreSpent(string origin) => _limiter.GetStatistics(origin)?.CurrentAvailablePermits <= 0;

    /// <summary>Counts one wrong password from <paramref name="origin"/>.</summary>
    public void Count(string origin)
    {
        using var lease = _limiter.AttemptAcquire(origin);
    }

    public void Dispose() => _limiter.Dispose();
}
