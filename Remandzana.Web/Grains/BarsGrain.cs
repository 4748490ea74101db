using Orleans;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Web.Captcha;
using Remandzana.Web.Cluster;
using Remandzana.Web.Reports;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Grains;

/// <summary>
/// The union of the bars every instance read in its report files. Kept in memory only: after its
/// silo dies it comes back empty and is whole again once each instance has published (one rescan).
/// </summary>
[KeepAlive]
public sealed class BarsGrain(TimeProvider time) : Grain, IBarsGrain
{
    private readonly Dictionary<string, Bar[]> _byInstance = [];

    public Task<Bar[]> Publish(string instance, Bar[] bars)
    {
        _byInstance[instance] = bars;
        var now = time.GetUtcNow();
        return Task.FromResult(_byInstance.Values.SelectMany(each => each).Where(bar => bar.Until > now).ToArray());
    }
}
