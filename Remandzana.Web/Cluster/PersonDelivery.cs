using Orleans;

namespace Remandzana.Web.Cluster;

/// <summary>What one turn of a grain has for one person: the room they are now in, their lines in order, and whether their stream ends.</summary>
[GenerateSerializer]
public sealed class PersonDelivery(string personId)
{
    [Id(0)]
    public string PersonId { get; } = personId;

    [Id(1)]
    public string? RoomId { get; set; }

    [Id(2)]
    public List<LineMessage> Lines { get; set; } = [];

    [Id(3)]
    public bool Ends { get; set; }

    /// <summary>The asker's question, once accepted: the instance needs it to put them back if the matchmaker is lost.</summary>
    [Id(4)]
    public string? Question { get; set; }
}
