using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Remandzana.Domain.Metrics;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;

namespace Remandzana.Web.Operator;

/// <summary>
/// The overview's numbers: every instance of the cluster is asked once, all at the same time, and
/// one that does not answer within <see cref="OverviewOptions.AnswerMilliseconds"/> is shown as
/// not answering; the page never waits longer, nor fails, for it.
/// </summary>
public sealed class SiteOverview(
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    InstanceClient instances,
    ThisInstance here,
    IGrainFactory grains,
    IMessagesToday messagesToday,
    IOptions<OverviewOptions> options,
    SiteSettings siteSettings,
    TimeProvider time)
{
    private TimeSpan Timeout => TimeSpan.FromMilliseconds(options.Value.AnswerMilliseconds);

    public async Task<OverviewModel> Gather()
    {
        var members = membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status is SiloStatus.Joining or SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Stopping)
            .OrderBy(member => member.Name, StringComparer.Ordinal)
            .ToList();
        var rows = Task.WhenAll(members.Select(Ask));
        var today = InstanceAnswer.Within(async () => (object)await messagesToday.Count(), Timeout, time);
        var pressure = InstanceAnswer.Within(async () => (object)await grains.GetGrain<IChatPressureGrain>(0).Pressure(), Timeout, time);
        // What is in force now: the operator may have changed appsettings.json's mode, or locked the site down, at run time.
        var settings = siteSettings.Current;
        var site = SiteFigures.Of(
            [.. (await rows).Select(row => row.Figures).OfType<InstanceFigures>()],
            await today as long?,
            (settings.PassAlwaysNeeded ? CaptchaMode.Always : settings.CaptchaMode).ToString(),
            await pressure as int?,
            settings.PressureChatsPerMinute);
        return new OverviewModel(time.GetUtcNow(), site, await rows);
    }

    private async Task<InstanceRow> Ask(ClusterMember member)
    {
        if (member.SiloAddress.Equals(silo.SiloAddress))
        {
            return new InstanceRow(member.Name, IsThisOne: true, here.Figures());
        }

        var figures = await InstanceAnswer.Within(() => instances.At(member.SiloAddress).Figures(), Timeout, time);
        return new InstanceRow(member.Name, IsThisOne: false, figures);
    }
}
