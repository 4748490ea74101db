using Orleans;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Web.Captcha;
using Remandzana.Web.Cluster;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Grains;

/// <summary>
/// The challenges already answered, in one of a few shards (keys 0 to <see cref="Challenges.Shards"/> - 1),
/// so that an answer is taken once on whichever instance it arrives.
/// </summary>
public interface ISpentChallengesGrain : IGrainWithIntegerKey
{
    /// <returns>True the first time <paramref name="challengeId"/> is spent; false ever after (until <paramref name="forgetAfter"/>, when its seal has expired anyway).</returns>
    Task<bool> Spend(string challengeId, DateTimeOffset forgetAfter);
}
