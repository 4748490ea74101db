using Orleans;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

[GenerateSerializer, Immutable]
public sealed record RoomSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Mode,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] SnapshotMember[] Members);

[GenerateSerializer, Immutable]
public sealed record SnapshotMember(
    [property: Id(0)] string Id,
    [property: Id(1)] string Role,
    [property: Id(2)] int IndexInRole,
    [property: Id(3)] string? Nickname,
    [property: Id(4)] bool ModerationWarned,
    [property: Id(5)] Dictionary<string, int> Violations);
