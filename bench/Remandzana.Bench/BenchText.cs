using System.Globalization;
using System.Text;

namespace Remandzana.Bench;

/// <summary>
/// The texts the bench sends. Long ones (the default) are longer than the site's
/// <c>RepeatedText:MinLength</c>, so each costs what a real sentence costs (the text-echo count);
/// each is distinct in its letters (the echo key evens out digits), so none is a copy of another
/// and the policy never suppresses them, in this run or the next (each run spells its own
/// random word into every text: the server remembers texts for its echo window). Length 0 sends the short <c>m123 hello</c> of earlier
/// rows, which the echo count skips.
/// </summary>
public static class BenchText
{
    public const int DefaultLength = 48;

    // Letters no look-alike folding merges with another (no i, l, m, n, o, r, u, w).
    private const string Letters = "abcdefghjkpqstvx";

    private static readonly string Run = string.Concat(Enumerable.Range(0, 6).Select(_ => Letters[Random.Shared.Next(Letters.Length)]));

    private const string Filler = " the quick brown fox jumps over a lazy dog and keeps on talking about it";

    /// <summary>
    /// A text that starts with <paramref name="tag"/> and <paramref name="id"/> (the receiver reads
    /// the id back), then the id spelled in letters, padded to <paramref name="length"/> characters.
    /// </summary>
    public static string Of(char tag, int id, int length)
    {
        var digits = id.ToString(CultureInfo.InvariantCulture);
        if (length <= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{tag}{digits} hello");
        }

        var text = new StringBuilder(Math.Max(length, 32));
        text.Append(tag).Append(digits).Append(' ').Append(Run).Append(' ');
        var spelled = (uint)id;
        do
        {
            text.Append(Letters[(int)(spelled % 16)]);
            spelled /= 16;
        }
        while (spelled > 0);

        while (text.Length < length)
        {
            text.Append(Filler, 0, Math.Min(Filler.Length, length - text.Length));
        }

        return text.ToString();
    }
}
