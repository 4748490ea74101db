using Remandzana.Web.Reports;

namespace Remandzana.Web.Cluster;

public sealed partial class InstanceService
{
    public async Task<KickedPerson[]> RemoveOrigins(string[] originHashes, string message)
    {
        // Resolved here, not injected: a switchboard without reports (the tests' clusters) never kicks by origin.
        var hashes = services.GetRequiredService<OriginHashes>();
        var wanted = originHashes.ToHashSet(StringComparer.Ordinal);
        var inRooms = sessions.All
            .Where(session => !session.Left && session.RoomId is not null && wanted.Contains(hashes.Of(session.Origin)))
            .GroupBy(session => session.RoomId!, StringComparer.Ordinal)
            .ToList();
        var removed = new List<KickedPerson>();
        foreach (var room in inRooms)
        {
            removed.AddRange(await sessions.Room(room.Key).Remove([.. room.Select(session => session.Id.Value)], message));
        }

        return [.. removed];
    }
}
