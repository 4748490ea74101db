using Orleans;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>What a room's grain keeps in storage, written when its membership changes, so the room outlives the silo it lived on.</summary>
[GenerateSerializer]
public sealed class RoomState
{
    [Id(0)]
    public int Mode { get; set; }

    [Id(1)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(2)]
    public string? Question { get; set; }

    [Id(3)]
    public List<MemberState> Members { get; set; } = [];
}
