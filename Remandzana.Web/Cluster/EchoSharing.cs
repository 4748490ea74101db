using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Remandzana.Web.Grains;
using Remandzana.Web.Moderation;
using Remandzana.Web.Options;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>
/// Carries the copies of texts judged here to every other instance, one one-way message to each
/// per interval (<c>Remandzana:Moderation:RepeatedText:ShareMilliseconds</c>), so that no send
/// waits for another instance to count its text. Alone, nothing is kept or sent.
/// </summary>
public sealed partial class EchoSharing(
    EchoWatch watch,
    InstanceClient instances,
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    IOptions<ModerationOptions> moderation,
    ILogger<EchoSharing> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!watch.Enabled)
        {
            return;
        }

        // Whether copies are kept for others follows the membership as it changes, not the next tick:
        // a copy judged just after another instance joined is still shared with it.
        var following = FollowMembership(stoppingToken);

        // A cadence, not a rule: the real clock, whatever clock the rules are given.
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(moderation.Value.RepeatedText.ShareMilliseconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Share();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await following;
    }

    private async Task FollowMembership(CancellationToken stoppingToken)
    {
        try
        {
            watch.Shared = Others(membership.CurrentSnapshot).Count > 0;
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                watch.Shared = Others(snapshot).Count > 0;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private List<SiloAddress> Others(ClusterMembershipSnapshot snapshot) =>
        snapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active && !member.SiloAddress.Equals(silo.SiloAddress))
            .Select(member => member.SiloAddress)
            .ToList();

    private void Share()
    {
        var others = Others(membership.CurrentSnapshot);
        watch.Shared = others.Count > 0;
        var copies = watch.TakeOutgoing();
        if (copies.Length == 0)
        {
            return;
        }

        foreach (var other in others)
        {
            try
            {
                // One-way: the task is complete once the message is queued.
                _ = instances.At(other).Echoes(copies);
            }
            catch (Exception e)
            {
                // Whatever went wrong with one instance, the next batch still goes, and the host keeps running.
                LogShareFailed(copies.Length, other.ToString(), e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Copies} copies of texts did not reach instance {Silo}; it counts them late or never: {Reason}")]
    private partial void LogShareFailed(int copies, string silo, string reason);
}
