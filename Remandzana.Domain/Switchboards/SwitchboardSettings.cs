namespace Remandzana.Domain.Switchboards;

/// <param name="MailboxCapacity">Lines that may wait for one stream before its reader counts as stalled.</param>
/// <param name="MaxMessageLength">The longest message or question, in characters.</param>
public sealed record SwitchboardSettings(int MailboxCapacity = 256, int MaxMessageLength = MessageText.DefaultMaxLength);
