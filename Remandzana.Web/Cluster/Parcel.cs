using Remandzana.Domain.Lines;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>What one grain turn has for one person: the room they are now in, their lines in order, and whether their stream ends.</summary>
public sealed class Parcel(string personId)
{
    public string PersonId { get; } = personId;

    public string? RoomId { get; set; }

    public List<Line> Lines { get; } = [];

    public bool Ends { get; set; }

    /// <summary>The asker's question, once accepted: the instance needs it to put them back if the matchmaker is lost.</summary>
    public string? Question { get; set; }
}
