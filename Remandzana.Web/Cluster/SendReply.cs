using Orleans;

namespace Remandzana.Web.Cluster;

/// <summary>What became of a message; for a refused one, the policy (by name, in the room's mode) and the sender's count of violations.</summary>
[GenerateSerializer, Immutable]
public sealed record SendReply(
    [property: Id(0)] int Outcome,
    [property: Id(1)] int Mode = 0,
    [property: Id(2)] string? Policy = null,
    [property: Id(3)] int Violation = 0);
