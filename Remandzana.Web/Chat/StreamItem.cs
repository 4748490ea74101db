using Remandzana.Domain.Lines;

namespace Remandzana.Web.Chat;

/// <summary>What the chat stream writes next: a line, or a heartbeat when <see cref="Line"/> is null.</summary>
public readonly record struct StreamItem(Line? Line)
{
    public static readonly StreamItem Heartbeat = new(null);

    public bool IsHeartbeat => Line is null;
}
