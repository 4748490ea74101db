using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Remandzana.Domain.Moderation;

/// <summary>
/// A message as a reader sees it, for comparing only: what is shown stays as it was written.
/// Compatibility forms are unified (NFKC: "ｈｔｔｐｓ：／／" is "https://"), invisible characters are
/// dropped (Unicode's default-ignorable code points and format characters: zero-width spaces and
/// joiners, variation selectors, tags, soft hyphens, Hangul fillers), so are marks (accents,
/// Arabic harakat, combining marks sprinkled over letters) and the Arabic tatweel that only
/// stretches a word, and look-alike characters are folded to their Unicode TR39 prototype
/// (<c>confusables.txt</c>): "раypal" written with Cyrillic letters reads "paypal".
/// </summary>
public static class ReaderView
{
    private const int Tatweel = 0x0640;

    /// <summary>Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties 15.0): characters drawn as nothing.</summary>
    private static readonly (int First, int Last)[] DefaultIgnorable =
    [
        (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
        (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
        (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
    ];

    /// <summary>Folds of the characters that have a look-alike (a few thousand at most): each worked out once.</summary>
    private static readonly ConcurrentDictionary<int, string> LettersOf = new();

    private static readonly ConcurrentDictionary<int, string> AddressLettersOf = new();

    /// <summary>
    /// The text as a link or an onion address in it reads: in lower case, each character that looks
    /// like a Latin letter, digit or punctuation mark as that one ("һttps", "．onion"), the digits
    /// TR39 reads as letters ("0" → "o", "1" → "l") as those letters, Latin letters as they are
    /// (so that the address found is the one a reader would type).
    /// </summary>
    public static string ForAddresses(string text)
    {
        var seen = new StringBuilder(text.Length);
        foreach (var rune in Visible(text))
        {
            AppendAddressFold(seen, rune);
        }

        return seen.ToString();
    }

    /// <summary>The characters a reader sees, decomposed (NFKD), without invisible characters and marks.</summary>
    internal static List<Rune> Visible(string text)
    {
        var visible = new List<Rune>(text.Length);
        foreach (var rune in Decomposed(text).EnumerateRunes())
        {
            if (!IsInvisible(rune) && !IsMark(rune))
            {
                visible.Add(rune);
            }
        }

        return visible;
    }

    /// <summary>
    /// How <paramref name="rune"/> (one of <see cref="Visible"/>) is compared: in lower case with every
    /// look-alike folded across case as well ("I", "l", "1" and "|" read alike, as Cyrillic "Н" and
    /// "н" read as "h").
    /// </summary>
    internal static string Fold(Rune rune)
    {
        var folded = new StringBuilder(2);
        AppendFold(folded, rune);
        return folded.ToString();
    }

    /// <summary>Appends <see cref="Fold"/> of <paramref name="rune"/>; most characters cost two table look-ups and nothing else.</summary>
    internal static void AppendFold(StringBuilder into, Rune rune)
    {
        var upper = Rune.ToUpperInvariant(rune);
        var lower = Rune.ToLowerInvariant(upper);
        if (Confusables.PrototypeOf(upper) is null && Confusables.PrototypeOf(lower) is null)
        {
            Append(into, lower);
            return;
        }

        into.Append(LettersOf.GetOrAdd(rune.Value, static (_, upper) => Lowered(Prototype(Lowered(Prototype(upper.ToString())))), upper));
    }

    private static void AppendAddressFold(StringBuilder into, Rune rune)
    {
        if (rune.IsAscii)
        {
            into.Append(rune.Value switch
            {
                '0' => 'o',
                '1' => 'l',
                _ => char.ToLowerInvariant((char)rune.Value),
            });
            return;
        }

        var lower = Rune.ToLowerInvariant(rune);
        if (Confusables.PrototypeOf(rune) is null && Confusables.PrototypeOf(lower) is null)
        {
            Append(into, lower);
            return;
        }

        into.Append(AddressLettersOf.GetOrAdd(rune.Value, static (_, rune) =>
        {
            // Cyrillic "к" and "т" read as Latin letters in capitals only, but an address is read whatever its case.
            string[] readings =
            [
                Lowered(Prototype(rune.ToString())),
                Lowered(Prototype(Rune.ToLowerInvariant(rune).ToString())),
                Lowered(Prototype(Rune.ToUpperInvariant(rune).ToString())),
            ];
            return readings.FirstOrDefault(reading => Ascii.IsValid(reading)) ?? readings[0];
        }, rune));
    }

    /// <summary>Each character of <paramref name="text"/> replaced by its TR39 prototype, decomposed, marks dropped.</summary>
    private static string Prototype(string text)
    {
        var mapped = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            mapped.Append(Confusables.PrototypeOf(rune) ?? rune.ToString());
        }

        var result = new StringBuilder();
        foreach (var rune in mapped.ToString().Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            if (!IsMark(rune) && !IsInvisible(rune))
            {
                result.Append(rune.ToString());
            }
        }

        return result.ToString();
    }

    private static string Lowered(string text) => text.ToLowerInvariant();

    private static void Append(StringBuilder into, Rune rune)
    {
        if (rune.IsBmp)
        {
            into.Append((char)rune.Value);
            return;
        }

        Span<char> pair = stackalloc char[2];
        rune.EncodeToUtf16(pair);
        into.Append(pair);
    }

    private static string Decomposed(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalised; read it as the replacement character a browser shows.
            return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)).Normalize(NormalizationForm.FormKD);
        }
    }

    internal static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;

    internal static bool IsInvisible(Rune rune)
    {
        if (rune.Value == Tatweel || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
        {
            return true;
        }

        foreach (var (first, last) in DefaultIgnorable)
        {
            if (rune.Value < first)
            {
                return false;
            }

            if (rune.Value <= last)
            {
                return true;
            }
        }

        return false;
    }
}
