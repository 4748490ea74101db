using Microsoft.Extensions.Options;
using Orleans;
using Remandzana.Domain.Captcha;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Web.Captcha;
using Remandzana.Web.Cluster;
using Remandzana.Web.Options;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Grains;

/// <summary>
/// In memory; once idle for two minutes it remembers nothing that still counts (the window is a
/// minute), so it goes, and an origin that stopped asking costs the cluster nothing.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class ChallengeCostGrain(IOptions<CaptchaOptions> options, TimeProvider time) : Grain, IChallengeCostGrain
{
    private readonly ChallengeCost _cost = new(new ChallengeLimits(options.Value.ChallengesPerMinute, options.Value.WrongAnswersPerMinute), time);

    public Task<int> Show() => Task.FromResult(Seconds(_cost.Show()));

    public Task<int> Answer() => Task.FromResult(Seconds(_cost.Answer()));

    public Task Solved()
    {
        _cost.Solved();
        return Task.CompletedTask;
    }

    private static int Seconds(Charge charge) => charge.IsTaken ? 0 : Math.Max(1, (int)Math.Ceiling(charge.ComeBackIn.TotalSeconds));
}
