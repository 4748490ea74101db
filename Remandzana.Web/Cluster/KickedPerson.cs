using Orleans;

namespace Remandzana.Web.Cluster;

/// <summary>Someone the operator removed from a room: as the room named them, and their origin, for a bar (never shown).</summary>
[GenerateSerializer, Immutable]
public sealed record KickedPerson([property: Id(0)] string Name, [property: Id(1)] string? Origin);
