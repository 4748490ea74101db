using Remandzana.Domain.Lines;
using Remandzana.Domain.People;

namespace Remandzana.Domain.Rooms;

/// <summary>A line typed in global chat that starts with '/': its answer, and the nickname it sets, if any.</summary>
public sealed record GlobalCommand(Notice Answer, Nickname? NewNickname)
{
    public static bool Is(string text) => text.StartsWith('/');

    public static GlobalCommand Parse(string text)
    {
        var parts = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var name = parts[0].ToLowerInvariant();
        var argument = parts.Length > 1 ? parts[1] : "";
        return name switch
        {
            "/help" => new(Notices.Help, null),
            "/ping" => new(Notices.Pong, null),
            "/nick" when Nickname.TryCreate(argument, out var nickname) => new(Notices.NickChanged(nickname!.Value), nickname),
            "/nick" => new(Nickname.Rule, null),
            _ => new(Notices.UnknownCommand(parts[0]), null),
        };
    }
}
