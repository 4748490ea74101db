using Orleans;
using Remandzana.Domain.Rooms;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>A room the matchmaker made possible: its id, its mode and its members in admission order.</summary>
[GenerateSerializer, Immutable]
public sealed record FormationMessage(
    [property: Id(0)] string RoomId,
    [property: Id(1)] Mode Mode,
    [property: Id(2)] Arrival[] Members);
