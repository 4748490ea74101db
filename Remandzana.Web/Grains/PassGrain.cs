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
/// Lives at least as long as its pass, in memory: should its silo die, the pass starts afresh
/// elsewhere (its chats counted from zero), which is the price of keeping no store for passes.
/// </summary>
public sealed class PassGrain(IOptions<CaptchaOptions> options, TimeProvider time) : Grain, IPassGrain
{
    private readonly PassAllowance _allowance = new(
        new PassLimits(options.Value.PassChats, options.Value.StreamsPerPass, options.Value.NewStreamsPerPassPerMinute), time);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        DelayDeactivation(TimeSpan.FromMinutes(options.Value.PassMinutes));
        return Task.CompletedTask;
    }

    public Task<int> Enter() => Task.FromResult((int)_allowance.Enter());

    public Task Leave()
    {
        _allowance.Leave();
        return Task.CompletedTask;
    }
}
