using Orleans;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Web.Captcha;
using Remandzana.Web.Cluster;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Grains;

/// <summary>One pass's allowance (keyed by the pass id), the same on every instance.</summary>
public interface IPassGrain : IGrainWithStringKey
{
    /// <returns>A <see cref="Domain.Captcha.PassEntry"/>: whether one more chat page may open.</returns>
    Task<int> Enter();

    /// <summary>A chat page that <see cref="Enter"/> admitted has ended.</summary>
    Task Leave();
}
