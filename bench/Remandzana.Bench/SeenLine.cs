namespace Remandzana.Bench;

/// <summary>One line of a chat log as the bench read it off the wire.</summary>
/// <param name="Classes">The line's classes after "line", e.g. "chat stranger" or "system found".</param>
/// <param name="Text">A chat line's text (decoded), or null for a system line.</param>
/// <param name="At">When it arrived (Stopwatch timestamp).</param>
public readonly record struct SeenLine(string Classes, string? Text, long At)
{
    public bool IsChat => Classes.StartsWith("chat ", StringComparison.Ordinal);

    /// <summary>The viewer's own message ("You", "Anonymous (You)", "nick (You)").</summary>
    public bool IsMine => Classes == "chat you";

    public bool IsSystem(string kind) => Classes == "system " + kind;
}
