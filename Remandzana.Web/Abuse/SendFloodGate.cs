using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Remandzana.Domain.People;
using Remandzana.Web.Options;

namespace Remandzana.Web.Abuse;

/// <summary>A token bucket per person for POST /send: a burst, then a sustained rate.</summary>
public sealed class SendFloodGate : IDisposable
{
    private readonly PartitionedRateLimiter<PersonId> _buckets;

    public SendFloodGate(IOptions<LimitsOptions> limits)
    {
        var options = limits.Value;
        _buckets = PartitionedRateLimiter.Create<PersonId, PersonId>(person =>
            RateLimitPartition.GetTokenBucketLimiter(person, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.SendBurst,
                TokensPerPeriod = options.SendPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                AutoReplenishment = true,
                QueueLimit = 0,
            }));
    }

    /// <returns>True when the person may send now.</returns>
    public bool TryPass(PersonId person)
    {
        using var permit = _buckets.AttemptAcquire(person);
        return permit.IsAcquired;
    }

    public void Dispose() => _buckets.Dispose();
}
