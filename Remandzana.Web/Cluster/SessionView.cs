using Orleans;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

[GenerateSerializer, Immutable]
public sealed record SessionView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Role,
    [property: Id(2)] string Entry,
    [property: Id(3)] DateTimeOffset JoinedAt,
    [property: Id(4)] string? RoomId,
    [property: Id(5)] bool HasQuestion,
    [property: Id(6)] bool WarnedNotTalking,
    [property: Id(7)] string Language = "",
    [property: Id(8)] string[]? Interests = null);
