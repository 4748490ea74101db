using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Remandzana.Domain.Moderation;

/// <summary>
/// The name under which copies of one text are counted: the text with case, runs of white space
/// and digits evened out ("Call 555-1234 NOW" and "call 555-9876  now" are one text), hashed.
/// </summary>
public static class EchoKey
{
    /// <summary>The text as it is compared: lower case, one space between words, every run of digits as "#".</summary>
    public static string Normalise(string text)
    {
        var normal = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var rune in text.Trim().ToLower(CultureInfo.InvariantCulture).EnumerateRunes())
        {
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

            if (Rune.IsDigit(rune))
            {
                if (normal.Length == 0 || normal[^1] != '#')
                {
                    normal.Append('#');
                }

                continue;
            }

            normal.Append(rune.ToString());
        }

        return normal.ToString();
    }

    /// <summary>
    /// The key of <paramref name="text"/>, or null when its normal form is shorter than
    /// <paramref name="minLength"/>: greetings such as "hi" or "asl?" are said to every stranger
    /// and are no advert, so they are not counted at all.
    /// </summary>
    public static string? Of(string text, int minLength)
    {
        var normal = Normalise(text);
        if (normal.Length < minLength)
        {
            return null;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal)).AsSpan(0, 12));
    }
}
