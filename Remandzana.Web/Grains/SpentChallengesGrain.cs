using Orleans;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Web.Captcha;
using Remandzana.Web.Cluster;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Grains;

/// <summary>Kept in memory for as long as its silo lives; an entry is forgotten once its challenge has expired.</summary>
[KeepAlive]
public sealed class SpentChallengesGrain(TimeProvider time) : Grain, ISpentChallengesGrain
{
    private readonly Dictionary<string, DateTimeOffset> _spent = [];
    private DateTimeOffset _nextSweep;

    public Task<bool> Spend(string challengeId, DateTimeOffset forgetAfter)
    {
        var now = time.GetUtcNow();
        if (now >= _nextSweep)
        {
            foreach (var expired in _spent.Where(entry => entry.Value < now).Select(entry => entry.Key).ToList())
            {
                _spent.Remove(expired);
            }

            _nextSweep = now.AddMinutes(1);
        }

        return Task.FromResult(_spent.TryAdd(challengeId, forgetAfter));
    }
}
