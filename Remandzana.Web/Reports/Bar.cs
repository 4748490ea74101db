using Orleans;

namespace Remandzana.Web.Reports;

/// <summary>An origin the operator barred from chat pages, by its keyed hash (<see cref="OriginHashes"/>), and until when.</summary>
[GenerateSerializer, Immutable]
public sealed record Bar([property: Id(0)] string Origin, [property: Id(1)] DateTimeOffset Until);
