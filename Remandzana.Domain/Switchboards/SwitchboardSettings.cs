using Remandzana.Domain.Lobbies;

namespace Remandzana.Domain.Switchboards;

/// <param name="MailboxCapacity">Lines that may wait for one stream before its reader counts as stalled.</param>
/// <param name="MaxMessageLength">The longest message or question, in characters.</param>
/// <param name="PreferenceWait">How long a person waits for someone of their language who shares an interest before meeting anyone.</param>
public sealed record SwitchboardSettings(int MailboxCapacity = 256, int MaxMessageLength = MessageText.DefaultMaxLength, TimeSpan PreferenceWait = default)
{
    public TimeSpan PreferenceWait { get; init; } = PreferenceWait == default ? Affinity.DefaultWait : PreferenceWait;
}
