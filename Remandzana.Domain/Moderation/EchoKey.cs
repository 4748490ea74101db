using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Remandzana.Domain.Moderation;

/// <summary>
/// The name under which copies of one text are counted: the text as a reader sees it
/// (<see cref="ReaderView"/>: invisible characters, marks and look-alike letters do not make a new
/// text) with case, runs of white space and numbers evened out ("Call 555-1234 NOW" and
/// "call 555-9876  now" are one text), hashed to 64 bits (the start of its SHA-256: a script cannot
/// make its text pass for somebody else's).
/// </summary>
public static class EchoKey
{
    /// <summary>
    /// The text as it is compared: each character folded as <see cref="ReaderView.Fold"/> folds it, one space
    /// between words, every number as "#". Digits inside or against a word that all read as letters
    /// are those letters ("g00gle" and "he11o" read "google" and "hello"); any other run of digits is a number.
    /// </summary>
    public static string Normalise(string text)
    {
        var visible = ReaderView.Visible(text);
        var normal = new StringBuilder(visible.Count);
        var pendingSpace = false;
        for (var i = 0; i < visible.Count; i++)
        {
            var rune = visible[i];
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = normal.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                normal.Append(' ');
                pendingSpace = false;
            }

            if (!Rune.IsDigit(rune))
            {
                ReaderView.AppendFold(normal, rune);
                continue;
            }

            var end = i;
            while (end < visible.Count && Rune.IsDigit(visible[end]))
            {
                end++;
            }

            var digits = visible.GetRange(i, end - i).Select(ReaderView.Fold).ToList();
            var againstAWord = (i > 0 && Rune.IsLetter(visible[i - 1])) || (end < visible.Count && Rune.IsLetter(visible[end]));
            if (againstAWord && digits.TrueForAll(letter => letter.EnumerateRunes().All(Rune.IsLetter)))
            {
                digits.ForEach(letter => normal.Append(letter));
            }
            else if (normal.Length == 0 || normal[^1] != '#')
            {
                normal.Append('#');
            }

            i = end - 1;
        }

        return normal.ToString();
    }

    /// <summary>
    /// The key of <paramref name="text"/>, or null when its normal form is shorter than
    /// <paramref name="minLength"/>: greetings such as "hi" or "asl?" are said to every stranger
    /// and are no advert, so they are not counted at all.
    /// </summary>
    public static ulong? Of(string text, int minLength)
    {
        var normal = Normalise(text);
        if (normal.Length < minLength)
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(normal), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }
}
