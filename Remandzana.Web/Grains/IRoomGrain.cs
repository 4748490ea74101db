using Orleans;
using Orleans.Runtime;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Web.Captcha;
using Remandzana.Web.Cluster;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Grains;

/// <summary>One conversation (keyed by room id; global chat is the room "global"): relay, leaving, ending.</summary>
public partial interface IRoomGrain : IGrainWithStringKey
{
    /// <summary>Opens the room with the members the matchmaker picked; a second call does nothing.</summary>
    Task Form(FormationMessage formation);

    /// <summary>Global chat: the newcomer is in at once.</summary>
    Task Welcome(Arrival arrival);

    /// <param name="text">Already checked and normalised (<c>MessageText.Refusal</c>) by the instance that took it.</param>
    Task<SendReply> Send(string personId, string text);

    Task Leave(string personId);

    /// <summary>Their stream ended without a leave: held for Remandzana:Chat:ResumeSeconds, then they leave. False when the room does not hold them (they left, or holding is off).</summary>
    Task<bool> Drop(string personId);

    /// <summary>Their resume link reached the instance at <paramref name="home"/>: their lines go there now, and a held person is back. False when they are no longer a member.</summary>
    Task<bool> ComeBack(string personId, SiloAddress home);

    /// <summary>The person reports the conversation: whom they reported (their lines are added where their stream is); they are thanked and leave.</summary>
    Task<ReportMaterial> Report(string personId, int messagesSeen);

    /// <summary>The instance at <paramref name="dead"/> is gone: its people leave, and the others are told.</summary>
    Task InstanceLost(SiloAddress dead);

    Task<RoomSnapshot?> Snapshot();
}
