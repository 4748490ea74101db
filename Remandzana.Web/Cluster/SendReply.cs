using Orleans;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>What became of a message; for a refused one, the room's verdict as it was reached (the sender's instance does not judge again); the room that took it, so the next send goes straight there.</summary>
[GenerateSerializer, Immutable]
public sealed record SendReply(
    [property: Id(0)] SendOutcome Outcome,
    [property: Id(1)] Verdict? Verdict = null,
    [property: Id(2)] string? RoomId = null);
