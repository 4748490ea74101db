using System.Collections.Frozen;

namespace Remandzana.Domain.Site;

/// <summary>
/// The operator's short text to every visitor: a default, and optionally its wording in each
/// language the site speaks. It is the operator's own text, so it is carried as written, one
/// text per language, never through the site's translations.
/// </summary>
public sealed class SiteNotice
{
    /// <summary>The longest text, in characters, for the default and for each language.</summary>
    public const int MaxLength = 300;

    public static readonly SiteNotice None = new(null, new Dictionary<string, string>());

    private readonly FrozenDictionary<string, string> _byLanguage;

    public SiteNotice(string? text, IReadOnlyDictionary<string, string> byLanguage)
    {
        Text = Clean(text);
        _byLanguage = byLanguage
            .Select(pair => (Language: pair.Key, Text: Clean(pair.Value)))
            .Where(pair => pair.Text is not null)
            .ToFrozenDictionary(pair => pair.Language, pair => pair.Text!, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The text for a language the notice has no wording in; null when there is none.</summary>
    public string? Text { get; }

    /// <summary>The wordings per language code ("es", "zh", …).</summary>
    public IReadOnlyDictionary<string, string> ByLanguage => _byLanguage;

    /// <summary>Whether there is anything to show, in any language.</summary>
    public bool IsEmpty => Text is null && _byLanguage.Count == 0;

    /// <summary>The text a reader of <paramref name="language"/> sees: its own wording, else the default; null when there is neither.</summary>
    public string? For(string language) => _byLanguage.TryGetValue(language, out var text) ? text : Text;

    /// <summary>Why <paramref name="text"/> cannot be a notice, or null when it can (blank is "no text").</summary>
    public static string? Problem(string? text)
    {
        if (Clean(text) is not { } clean)
        {
            return null;
        }

        if (clean.Length > MaxLength)
        {
            return $"is {clean.Length} characters long; the limit is {MaxLength}.";
        }

        return clean.Any(character => char.IsControl(character)) ? "has a line break or another control character; write it on one line." : null;
    }

    /// <summary>Trimmed; blank is no text.</summary>
    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
