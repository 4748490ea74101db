using Orleans;

namespace Remandzana.Web.Operator;

/// <summary>What a change to the filters left kept, and why it was refused (in the operator's words) when it was.</summary>
[GenerateSerializer, Immutable]
public sealed record FilterChange([property: Id(0)] StoredFilters Kept, [property: Id(1)] string? Problem);
