namespace Remandzana.Domain.Moderation;

/// <summary>What the filters of a mode made of one message.</summary>
/// <param name="Action">The strongest action any matching filter takes (kick, then suppress, then replace), or null when none matched.</param>
/// <param name="Text">The text to relay: as written, or with every replaced match in place.</param>
public sealed record Filtered(FilterAction? Action, string Text)
{
    public bool Stops => Action is FilterAction.Suppress or FilterAction.Kick;
}
