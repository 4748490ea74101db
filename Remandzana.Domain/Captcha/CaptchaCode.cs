namespace Remandzana.Domain.Captcha;

/// <summary>The characters a challenge's picture shows: letters and digits that no font confuses with each other.</summary>
public static class CaptchaCode
{
    /// <summary>No 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G: a tired eye must not have to guess.</summary>
    public const string Alphabet = "ACDEFHJKMNPRTUVWXY3479";

    public static string Draw(Random random, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        return string.Create(length, random, (chars, source) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[source.Next(Alphabet.Length)];
            }
        });
    }

    /// <summary>What a person typed, as compared with the code: case and spaces do not matter.</summary>
    public static bool Matches(string code, string? typed) =>
        typed is not null && string.Equals(code, string.Concat(typed.Where(c => !char.IsWhiteSpace(c))), StringComparison.OrdinalIgnoreCase);
}
