using Orleans;
using Orleans.Runtime;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>How a question was taken: the outcome, why a policy refused it (as the matchmaker's instance words it, so no other instance judges again), the asker's lines for their home, and the room it completed.</summary>
[GenerateSerializer, Immutable]
public sealed record SetupReply(
    [property: Id(0)] SetupOutcome Outcome,
    [property: Id(1)] string? RefusalReason,
    [property: Id(2)] SiloAddress? Home,
    [property: Id(3)] PersonDelivery? Asker,
    [property: Id(4)] FormationMessage[] Formed);
