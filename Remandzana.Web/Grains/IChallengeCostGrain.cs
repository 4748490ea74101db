using Orleans;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Web.Captcha;
using Remandzana.Web.Cluster;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Grains;

/// <summary>
/// What challenges have cost one origin in the last minute (keyed by its address block, e.g.
/// <c>2001:db8:1:2::/64</c> or a Tor circuit's address), the same on every instance.
/// </summary>
public interface IChallengeCostGrain : IGrainWithStringKey
{
    /// <returns>0 when one more challenge may be shown (it is counted), else the seconds until one may.</returns>
    Task<int> Show();

    /// <returns>0 when one more answer may be checked (it counts as wrong until <see cref="Solved"/>), else the seconds until one may.</returns>
    Task<int> Answer();

    /// <summary>The answer <see cref="Answer"/> let through was right.</summary>
    Task Solved();
}
