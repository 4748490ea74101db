using System.Text.Json;
using Remandzana.Domain.Lobbies;
using Remandzana.Domain.Moderation;
using Remandzana.Web.Debug;

namespace Remandzana.Web.Backplane;

/// <summary>The debug view of the whole cluster, read from what switchboard.lua's snapshot returns.</summary>
public static class RedisDebugSnapshot
{
    public static DebugSnapshot Parse(string json, IReadOnlyList<Lobby> lobbies, PoliciesByMode policies)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var suppressions = lobbies
            .SelectMany(lobby => policies.For(lobby.Mode))
            .GroupBy(policy => policy.Name)
            .ToDictionary(group => group.Key, group => group.Min(policy => policy.Ladder.Suppressions));

        var people = BackplaneEvent.Items(root.GetProperty("people")).Select(person =>
        {
            var violations = person.GetProperty("violations").EnumerateObject().ToDictionary(pair => pair.Name, pair => pair.Value.GetInt32());
            var role = Text(person, "role") ?? "";
            var questionSet = Text(person, "q") is not null;
            return new PersonView(
                Text(person, "id")!,
                role,
                Text(person, "entry") ?? "",
                Time(Text(person, "at")),
                Text(person, "room"),
                (Text(person, "lobbies") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
                questionSet,
                role == "Asker" && questionSet,
                Text(person, "nick"),
                Text(person, "warned") is not null,
                violations.Any(pair => suppressions.TryGetValue(pair.Key, out var limit) && pair.Value >= limit),
                violations,
                Text(person, "inst"));
        });

        var lobbyViews = BackplaneEvent.Items(root.GetProperty("lobbies")).Zip(lobbies, (lobby, rules) => new LobbyView(
            rules.Mode.ToString(),
            rules.RoomNeeds.ToDictionary(need => need.Key.ToString(), need => need.Value),
            rules.KeepsRoomsOpen,
            BackplaneEvent.Items(lobby.GetProperty("waiting")).Select(id => id.GetString()!).ToList(),
            Text(lobby, "open") is { Length: > 0 } open ? [open] : []));

        var rooms = BackplaneEvent.Items(root.GetProperty("rooms")).Select(room => new RoomView(
            Text(room, "id")!,
            Text(room, "mode") ?? "",
            DateTimeOffset.FromUnixTimeMilliseconds(room.GetProperty("at").GetInt64()),
            BackplaneEvent.Items(room.GetProperty("members"))
                .Select(member => new MemberView(Text(member, "id")!, Text(member, "role") ?? "", member.GetProperty("idx").GetInt32()))
                .ToList()));

        return new DebugSnapshot(
            people.OrderBy(person => person.JoinedAt).ThenBy(person => person.Id, StringComparer.Ordinal).ToList(),
            lobbyViews.ToList(),
            rooms.OrderBy(room => room.CreatedAt).ThenBy(room => room.Id, StringComparer.Ordinal).ToList());
    }

    private static DateTimeOffset Time(string? milliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.TryParse(milliseconds, out var value) ? value : 0);

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
