using System.Globalization;
using System.Text;
using Remandzana.Domain.Matching;

namespace Remandzana.Domain.Messages;

/// <summary>
/// The rule every message and question obeys: normalised, then 1 to N characters after trimming.
/// </summary>
public static class MessageText
{
    public const int DefaultMaxLength = 500;

    public enum Problem
    {
        None,
        Empty,
        TooLong,
    }

    /// <summary>Normalises, trims and measures; counts characters as Unicode scalar values, so an emoji is one.</summary>
    public static Problem Check(string? raw, int maxLength, out string text)
    {
        text = Normalise(raw).Trim();
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

    /// <summary>
    /// The checks before a message goes to a room, in their order: an asker may not speak, the text
    /// must fit, and someone not in a room yet is talking to nobody.
    /// </summary>
    /// <returns>Why the message stops here, or null when it goes on to the room.</returns>
    public static SendOutcome? Refusal(People.Role role, bool isInRoom, string? raw, int maxLength, out string text)
    {
        text = "";
        if (role == People.Role.Asker)
        {
            return SendOutcome.Silenced;
        }

        return Check(raw, maxLength, out text) switch
        {
            Problem.Empty => SendOutcome.Empty,
            Problem.TooLong => SendOutcome.TooLong,
            _ when !isInRoom => SendOutcome.NotInRoomYet,
            _ => null,
        };
    }

    /// <summary>A question from someone already in a room: the text's own problem first, else not allowed (the question is set).</summary>
    public static SetupOutcome QuestionFromARoom(string? raw, int maxLength) => Check(raw, maxLength, out _) switch
    {
        Problem.Empty => SetupOutcome.Empty,
        Problem.TooLong => SetupOutcome.TooLong,
        _ => SetupOutcome.NotAllowed,
    };

    /// <summary>
    /// Unicode NFC, line breaks as "\n", tabs as spaces, every other control character removed.
    /// Bidirectional controls stay as typed: pages isolate each message, so they cannot reach
    /// past it.
    /// </summary>
    public static string Normalise(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }

        var text = ToNfc(raw);
        if (!NeedsCleaning(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    clean.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    clean.Append('\n');
                    break;
                case '\t':
                    clean.Append(' ');
                    break;
                default:
                    if (!IsControl(c))
                    {
                        clean.Append(c);
                    }

                    break;
            }
        }

        return clean.ToString();
    }

    private static string ToNfc(string raw)
    {
        try
        {
            return raw.IsNormalized(NormalizationForm.FormC) ? raw : raw.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate: replace what cannot be a character, then normalise.
            var repaired = new StringBuilder(raw.Length);
            foreach (var rune in EnumerateRunesLeniently(raw))
            {
                repaired.Append(rune.ToString());
            }

            return repaired.ToString().Normalize(NormalizationForm.FormC);
        }
    }

    private static IEnumerable<Rune> EnumerateRunesLeniently(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used);
            yield return rune;
            i += used;
        }
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsControl(char c) => char.GetUnicodeCategory(c) == UnicodeCategory.Control;

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
