using System.Text.Json;
using Remandzana.Domain.Switchboards;

namespace Remandzana.Web.Debug;

/// <summary>
/// Everything on the switchboard at one instant, for the operator. Serialised as
/// <c>{ "people": [...], "lobbies": [...], "rooms": [...] }</c>; other tools read that shape.
/// </summary>
public sealed record DebugSnapshot(IReadOnlyList<PersonView> People, IReadOnlyList<LobbyView> Lobbies, IReadOnlyList<RoomView> Rooms)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Call it under the switchboard's lock (<see cref="Switchboard.Inspect{T}"/>) so the parts agree.</summary>
    public static DebugSnapshot Of(Switchboard board) => new(
        board.People
            .OrderBy(person => person.JoinedAt)
            .ThenBy(person => person.Id.Value, StringComparer.Ordinal)
            .Select(person => new PersonView(
                person.Id.Value,
                person.Role.ToString(),
                person.Entry.ToString(),
                person.JoinedAt,
                person.Room?.Id,
                person.Lobbies.Select(lobby => lobby.Mode.ToString()).ToList(),
                person.Question is not null,
                person.IsSilenced,
                person.Nickname?.Value,
                person.WarnedNotTalking,
                person.Moderation.IsWarned,
                person.Moderation.ByPolicyName))
            .ToList(),
        board.Lobbies
            .Select(lobby => new LobbyView(
                lobby.Mode.ToString(),
                lobby.RoomNeeds.ToDictionary(need => need.Key.ToString(), need => need.Value),
                lobby.KeepsRoomsOpen,
                lobby.Waiting.Select(person => person.Id.Value).ToList(),
                lobby.OpenRooms.Select(room => room.Id).ToList()))
            .ToList(),
        board.Rooms.OrderBy(room => room.CreatedAt).ThenBy(room => room.Id, StringComparer.Ordinal)
            .Select(room => new RoomView(
                room.Id,
                room.Mode.ToString(),
                room.CreatedAt,
                room.Members.Select(member => new MemberView(member.Person.Id.Value, member.Person.Role.ToString(), member.IndexInRole)).ToList()))
            .ToList());
}
