using Orleans;
using Orleans.Runtime;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Web.Captcha;
using Remandzana.Web.Cluster;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Grains;

/// <summary>The one serial point for admission (key 0): the lobbies of two-person, three-person, question and any mode.</summary>
public interface IMatchmakingGrain : IGrainWithIntegerKey
{
    Task<JoinReply> Join(Arrival arrival);

    Task<SetupReply> SubmitQuestion(string personId, string? question);

    /// <returns>False when the person was not waiting (already in a room, or gone).</returns>
    Task<bool> Leave(string personId);

    Task<QuestionSide> SuggestQuestionSide();

    /// <summary>"Don't match me with them again": the person's origin and their last room's other origins are kept apart.</summary>
    /// <returns>Null when their last room is not known here (forgotten, global chat, or a new activation after a silo died).</returns>
    Task<AvoidedCompany?> AvoidLastCompany(string personId);

    /// <summary>Whether the person's last room is known here, so that they may ask not to meet its people again.</summary>
    Task<bool> RemembersLastCompany(string personId);

    /// <summary>
    /// A silo died (seen at membership version <paramref name="deathVersion"/>): its people stop
    /// waiting, and if this matchmaker was lost with it, the caller's waiting people take their places again.
    /// </summary>
    Task<FormationMessage[]> Recover(SiloAddress dead, long deathVersion, Arrival[] waiting);

    /// <summary>
    /// The members of a room that failed to open take their places again, told nothing (their pages
    /// still show that they wait); those who left meanwhile are not brought back.
    /// </summary>
    /// <returns>The rooms that makes possible, for the caller to open.</returns>
    Task<FormationMessage[]> TakeBack(Arrival[] members);

    /// <summary>Each lobby's waiting people, earliest first, and each person's lobbies.</summary>
    Task<MatchmakingView> Snapshot();
}
