using Orleans;
using Orleans.Runtime;

namespace Remandzana.Web.Cluster;

/// <summary>How a question was taken: the outcome, the refusing policy's name, the asker's lines for their home, and the room it completed.</summary>
[GenerateSerializer, Immutable]
public sealed record SetupReply(
    [property: Id(0)] int Outcome,
    [property: Id(1)] string? RefusedBy,
    [property: Id(2)] SiloAddress? Home,
    [property: Id(3)] PersonDelivery? Asker,
    [property: Id(4)] FormationMessage[] Formed);
