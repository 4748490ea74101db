using Orleans;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>The lobbies for the debug view (mode, needs and waiting ids per lobby), and the instance whose silo holds the matchmaker.</summary>
[GenerateSerializer, Immutable]
public sealed record MatchmakingView([property: Id(0)] LobbyWaiting[] Lobbies, [property: Id(1)] string Instance);

[GenerateSerializer, Immutable]
public sealed record LobbyWaiting(
    [property: Id(0)] string Mode,
    [property: Id(1)] Dictionary<string, int> Needs,
    [property: Id(2)] string[] Waiting);
