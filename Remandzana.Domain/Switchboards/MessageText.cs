namespace Remandzana.Domain.Switchboards;

/// <summary>The rule every message and question obeys: 1 to N characters after trimming.</summary>
public static class MessageText
{
    public const int DefaultMaxLength = 500;

    public enum Problem
    {
        None,
        Empty,
        TooLong,
    }

    /// <summary>Counts characters as Unicode scalar values, so an emoji is one character.</summary>
    public static Problem Check(string? raw, int maxLength, out string text)
    {
        text = raw?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Problem.Empty;
        }

        // Cheap bound first: a string never has fewer scalar values than half its UTF-16 length.
        if (text.Length > maxLength && (text.Length > 2 * maxLength || CountScalars(text) > maxLength))
        {
            return Problem.TooLong;
        }

        return Problem.None;
    }

    private static int CountScalars(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
