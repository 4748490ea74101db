using Orleans;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Web.Captcha;
using Remandzana.Web.Cluster;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Grains;

/// <summary>New chats per minute across the site (key 0), for the captcha's "UnderPressure" mode.</summary>
public interface IChatPressureGrain : IGrainWithIntegerKey
{
    /// <returns>How many chat pages were asked for in the last minute, this one included.</returns>
    Task<int> Record();

    /// <summary>How many chat pages were asked for in the last minute, for the console's overview.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<int> Pressure();
}
