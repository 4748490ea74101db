using System.Text.Json;

namespace Remandzana.Web.Debug;

/// <summary>
/// Everything on the switchboard at one instant, for the operator. Serialised as
/// <c>{ "people": [...], "lobbies": [...], "rooms": [...] }</c>; other tools read that shape.
/// </summary>
public sealed record DebugSnapshot(IReadOnlyList<PersonView> People, IReadOnlyList<LobbyView> Lobbies, IReadOnlyList<RoomView> Rooms)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
