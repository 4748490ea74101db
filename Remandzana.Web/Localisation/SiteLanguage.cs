using System.Globalization;

namespace Remandzana.Web.Localisation;

/// <summary>A language the site speaks: its code in addresses (<c>?lang=es</c>), its culture, its own name and its writing direction.</summary>
public sealed record SiteLanguage(string Code, string Culture, string NativeName, bool RightToLeft = false)
{
    public static readonly SiteLanguage English = new("en", "en", "English");

    public static readonly IReadOnlyList<SiteLanguage> All =
    [
        English,
        new("es", "es", "Español"),
        new("de", "de", "Deutsch"),
        new("fr", "fr", "Français"),
        new("ru", "ru", "Русский"),
        new("pt", "pt", "Português"),
        new("zh", "zh-Hans", "简体中文"),
        new("ar", "ar", "العربية", RightToLeft: true),
    ];

    /// <summary>"rtl" or "ltr", for the page's <c>dir</c>.</summary>
    public string Direction => RightToLeft ? "rtl" : "ltr";

    public static SiteLanguage? FromCode(string? code) =>
        All.FirstOrDefault(language => string.Equals(language.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The language of a culture or language tag ("pt-BR", "zh-CN"), by its first part.</summary>
    public static SiteLanguage? FromTag(string? tag)
    {
        if (string.IsNullOrEmpty(tag))
        {
            return null;
        }

        var primary = tag.Split('-', 2)[0];
        return FromCode(primary);
    }

    /// <summary>The language this request is answered in (set by the request's culture).</summary>
    public static SiteLanguage Current => FromTag(CultureInfo.CurrentUICulture.Name) ?? English;
}
