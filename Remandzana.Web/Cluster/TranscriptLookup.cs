using Orleans.Runtime;
using Remandzana.Web.Chat;
using Remandzana.Web.Grains;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>
/// Finds a person's transcript where it is kept: on the instance that holds (or held) their
/// stream, which their form's token names. A post that another instance took asks that one.
/// </summary>
public sealed class TranscriptLookup(Transcripts transcripts, InstanceClient instances, ClusterSwitchboard switchboard)
{
    /// <returns>A copy of the lines, or null when the conversation is no longer kept (or its instance is gone).</returns>
    public async ValueTask<SavedConversation?> Find(SendToken sender)
    {
        var home = switchboard.HomeOf(sender.Home);
        if (home.Equals(switchboard.Home))
        {
            return transcripts.Find(sender.PersonId.Value) is { } transcript ? SavedConversation.Of(transcript) : null;
        }

        try
        {
            return (await instances.At(home).Transcript(sender.PersonId.Value))?.ToSaved();
        }
        catch (SiloUnavailableException)
        {
            return null;
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            throw new SwitchboardUnavailableException("The transcript's instance cannot be reached: " + e.Message, e);
        }
    }
}
