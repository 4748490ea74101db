namespace Remandzana.Domain.Lines;

/// <summary>A notice from the site: what is happening to the conversation.</summary>
public sealed record SystemLine(NoticeKind Kind, Notice Notice) : Line
{
    /// <summary>The notice in English.</summary>
    public string Text => Notice.English;
}
