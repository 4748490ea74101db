using Orleans;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>One member of a stored room: who, their place among their role, and what the room learnt of them.</summary>
[GenerateSerializer]
public sealed class MemberState
{
    [Id(0)]
    public required Arrival Arrival { get; set; }

    [Id(1)]
    public int IndexInRole { get; set; }

    [Id(2)]
    public string? Nickname { get; set; }

    /// <summary>Violations per policy name.</summary>
    [Id(3)]
    public Dictionary<string, int> Violations { get; set; } = [];
}
