using Orleans;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Web.Captcha;
using Remandzana.Web.Cluster;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Grains;

/// <summary>Kept in memory for as long as its silo lives (never collected while idle); an entry is forgotten once its key has expired.</summary>
[KeepAlive]
public sealed class SpentDebugKeysGrain(TimeProvider time) : Grain, ISpentDebugKeysGrain
{
    private readonly Dictionary<string, DateTimeOffset> _spent = [];

    public Task<bool> Spend(string keyId, DateTimeOffset forgetAfter)
    {
        var now = time.GetUtcNow();
        foreach (var expired in _spent.Where(entry => entry.Value < now).Select(entry => entry.Key).ToList())
        {
            _spent.Remove(expired);
        }

        return Task.FromResult(_spent.TryAdd(keyId, forgetAfter));
    }
}
