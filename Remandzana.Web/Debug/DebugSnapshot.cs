using System.Text.Json;
using System.Text.Json.Serialization;

namespace Remandzana.Web.Debug;

/// <summary>
/// Everything on the switchboard at one instant, for the operator. Serialised as
/// <c>{ "people": [...], "lobbies": [...], "rooms": [...], "matchmaker": "…" }</c>; other tools read that shape.
/// </summary>
/// <param name="Matchmaker">The instance whose silo holds the matchmaking grain now.</param>
/// <param name="Reports">The open reports in this instance's reports folder.</param>
public sealed record DebugSnapshot(IReadOnlyList<PersonView> People, IReadOnlyList<LobbyView> Lobbies, IReadOnlyList<RoomView> Rooms, string? Matchmaker = null, IReadOnlyList<Reports.ReportView>? Reports = null)
{
    /// <summary>Instances that did not answer (a silo dying and not yet declared dead): the view is partial without their people. Absent when all answered.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Unreachable { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
