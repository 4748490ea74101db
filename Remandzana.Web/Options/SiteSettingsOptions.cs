using System.ComponentModel.DataAnnotations;
using Remandzana.Domain.Site;
using Remandzana.Web.Localisation;

namespace Remandzana.Web.Options;

/// <summary>
/// Remandzana:SiteSettings — the lockdown position and the site notice when no operator changed
/// them in the console, and how often an instance looks for a change made on another.
/// </summary>
public sealed class SiteSettingsOptions : IValidatableObject
{
    public const string Section = "Remandzana:SiteSettings";

    [EnumDataType(typeof(Lockdown))]
    public Lockdown Lockdown { get; set; } = Lockdown.Normal;

    /// <summary>Shown on the home page and at the top of every new chat page; empty for none.</summary>
    public string Notice { get; set; } = "";

    /// <summary>The notice per language code (en, es, de, fr, ru, pt, zh, ar), in place of <see cref="Notice"/> for readers of that language.</summary>
    public Dictionary<string, string> NoticeByLanguage { get; set; } = [];

    /// <summary>How often each instance asks whether the settings changed (a change made on this instance applies here at once).</summary>
    [Range(100, 1_000, ErrorMessage = "Remandzana:SiteSettings:RefreshMilliseconds must be between 100 and 1000.")]
    public int RefreshMilliseconds { get; set; } = 500;

    public SiteNotice ToNotice() => new(Notice, NoticeByLanguage);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SiteNotice.Problem(Notice) is { } problem)
        {
            yield return new ValidationResult($"{Section}:Notice {problem}", [nameof(Notice)]);
        }

        foreach (var (language, text) in NoticeByLanguage)
        {
            if (SiteLanguage.FromCode(language) is null)
            {
                yield return new ValidationResult($"{Section}:NoticeByLanguage:{language}: the site speaks no language of that code (use one of {string.Join(", ", SiteLanguage.All.Select(known => known.Code))}).", [nameof(NoticeByLanguage)]);
            }
            else if (SiteNotice.Problem(text) is { } wrong)
            {
                yield return new ValidationResult($"{Section}:NoticeByLanguage:{language} {wrong}", [nameof(NoticeByLanguage)]);
            }
        }
    }
}
