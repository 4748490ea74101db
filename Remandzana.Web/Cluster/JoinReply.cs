using Orleans;
using Remandzana.Domain.Lines;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>What the joiner is told while they wait, and the rooms their arrival made possible (the caller opens them).</summary>
[GenerateSerializer, Immutable]
public sealed record JoinReply(
    [property: Id(0)] Line[] Lines,
    [property: Id(1)] FormationMessage[] Formed);
