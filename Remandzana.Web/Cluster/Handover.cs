using Orleans;

namespace Remandzana.Web.Cluster;

/// <summary>A held or streaming person handed from the instance that served them to the one their resume link reached.</summary>
[GenerateSerializer, Immutable]
public sealed record Handover(
    [property: Id(0)] string RoomId,
    [property: Id(1)] int Entry,
    [property: Id(2)] DateTimeOffset JoinedAt,
    [property: Id(3)] string Language,
    [property: Id(4)] string Interests,
    [property: Id(5)] string Origin,
    [property: Id(6)] string? Question);
