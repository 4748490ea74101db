namespace Remandzana.Domain.Lines;

/// <summary>A notice from the site: what is happening to the conversation.</summary>
public sealed record SystemLine(NoticeKind Kind, string Text) : Line;
