using System.Text.Json;
using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Replicas;
using Remandzana.Domain.Rooms;

namespace Remandzana.Web.Backplane;

/// <summary>
/// Replays one event of the shared switchboard (JSON published by switchboard.lua) on this
/// instance's replica, which tells this instance's people what it means for each of them.
/// </summary>
public static class BackplaneEvent
{
    public static void Apply(SwitchboardReplica replica, string json)
    {
        using var document = JsonDocument.Parse(json);
        var e = document.RootElement;
        var room = Text(e, "room");
        switch (Text(e, "t"))
        {
            case "formed":
                replica.Formed(
                    room!,
                    Enum.Parse<Mode>(Text(e, "mode")!),
                    DateTimeOffset.FromUnixTimeMilliseconds(e.GetProperty("at").GetInt64()),
                    Text(e, "q"),
                    Items(e.GetProperty("members")).Select(Member).ToList(),
                    Text(e, "newcomer") is { } newcomer ? new PersonId(newcomer) : null);
                break;
            case "joined":
                replica.Joined(room!, Member(e.GetProperty("member")));
                break;
            case "left":
                replica.Left(room!, Id(e), e.GetProperty("over").GetBoolean());
                break;
            case "msg":
                replica.Relayed(room!, Id(e), Text(e, "text")!);
                break;
            case "cmd":
                replica.CommandAnswered(room!, Id(e), Text(e, "text")!, new GlobalCommand(Text(e, "answer")!, Nick(e)));
                break;
            case "renamed":
                replica.Renamed(room!, Id(e), Nick(e)!);
                break;
            case "tell":
                replica.Tell(Id(e), Enum.Parse<NoticeKind>(Text(e, "kind")!), Text(e, "text")!);
                break;
            case "warned":
                replica.WarnNotTalking(Id(e));
                break;
            case "question":
                replica.QuestionAccepted(Id(e), Text(e, "text")!);
                break;
            case "gone":
                replica.Release(Id(e));
                break;
        }
    }

    private static MemberCopy Member(JsonElement member) =>
        new(Id(member), Enum.Parse<Role>(Text(member, "role")!), Nick(member));

    private static PersonId Id(JsonElement e) => new(Text(e, "id")!);

    private static Nickname? Nick(JsonElement e) => Nickname.TryCreate(Text(e, "nick"), out var nickname) ? nickname : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Lua's JSON encoder writes an empty list as {}: read both as a list.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];
}
