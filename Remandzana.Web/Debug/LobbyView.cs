namespace Remandzana.Web.Debug;

/// <summary>One lobby: its rules and who waits in it.</summary>
/// <param name="RoomNeeds">How many people of each role a new room takes.</param>
/// <param name="Waiting">The ids of the people waiting, earliest first.</param>
/// <param name="OpenRooms">The ids of the rooms kept open for newcomers (global chat).</param>
public sealed record LobbyView(
    string Mode,
    IReadOnlyDictionary<string, int> RoomNeeds,
    bool KeepsRoomsOpen,
    IReadOnlyList<string> Waiting,
    IReadOnlyList<string> OpenRooms);
