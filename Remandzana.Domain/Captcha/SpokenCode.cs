namespace Remandzana.Domain.Captcha;

/// <summary>
/// The digits a challenge's recording speaks, for people who cannot see its picture: a code of its
/// own, so that hearing it reveals nothing about the picture and the page holds no text to read.
/// </summary>
public static class SpokenCode
{
    public const int FewestDigits = 6;
    public const int MostDigits = 8;

    public static string Draw(Random random, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, FewestDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MostDigits);
        return string.Create(length, random, (digits, source) =>
        {
            for (var i = 0; i < digits.Length; i++)
            {
                digits[i] = (char)('0' + source.Next(10));
            }
        });
    }

    /// <summary>
    /// What a person typed, as compared with the code: digits of any script ("٣", "３") count as
    /// digits, and spaces, dashes and dots between them (as people group what they hear) do not matter.
    /// </summary>
    public static bool Matches(string code, string? typed)
    {
        if (typed is null)
        {
            return false;
        }

        var at = 0;
        foreach (var c in typed)
        {
            // Format characters (a zero-width space, a soft hyphen) come along when an answer is pasted.
            if (char.IsWhiteSpace(c) || c is '-' or '.' or '‐' or '‑' or '–' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }

            if (!char.IsDigit(c) || at == code.Length || (char)('0' + (int)char.GetNumericValue(c)) != code[at])
            {
                return false;
            }

            at++;
        }

        return at == code.Length;
    }
}
