using Orleans;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Web.Captcha;
using Remandzana.Web.Cluster;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Grains;

/// <summary>The debug keys already used (one grain, key 0), so that a key opens the view once on whichever instance it is used.</summary>
public interface ISpentDebugKeysGrain : IGrainWithIntegerKey
{
    /// <returns>True the first time <paramref name="keyId"/> is spent; false ever after (until <paramref name="forgetAfter"/>, when its seal has expired anyway).</returns>
    Task<bool> Spend(string keyId, DateTimeOffset forgetAfter);
}
