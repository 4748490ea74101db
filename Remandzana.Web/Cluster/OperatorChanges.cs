using Orleans.Runtime;

namespace Remandzana.Web.Cluster;

/// <summary>
/// Tells every other instance, one one-way message each, that the operator changed something from
/// this one's console, so that it takes effect there at once instead of at the next rescan
/// (a bar on every instance within a second). Alone, there is no one to tell.
/// </summary>
public sealed partial class OperatorChanges(InstanceClient instances, IClusterMembershipService membership, ILocalSiloDetails silo, ILogger<OperatorChanges> logger)
{
    public void Announce(OperatorChange change)
    {
        var others = membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active && !member.SiloAddress.Equals(silo.SiloAddress))
            .Select(member => member.SiloAddress);
        foreach (var other in others)
        {
            try
            {
                // One-way: the task is complete once the message is queued.
                _ = instances.At(other).OperatorChanged(change);
            }
            catch (Exception e)
            {
                // That instance still learns of it at its next rescan.
                LogAnnounceFailed(change, other.ToString(), e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {Silo} was not told of the operator's change ({Change}); it takes effect there at its next rescan: {Reason}")]
    private partial void LogAnnounceFailed(OperatorChange change, string silo, string reason);
}
