using Remandzana.Web.Options;

namespace Remandzana.Web.Operator;

/// <summary>
/// /operator/settings: the settings in force, what appsettings.json says for each, and, after a
/// refused change, which form it was, why, and what was typed (shown again as it was typed).
/// </summary>
public sealed record SettingsPageModel(
    SettingsInForce InForce,
    CaptchaOptions Captcha,
    SiteSettingsOptions Site,
    ModerationOptions Moderation,
    string? ProblemForm = null,
    IReadOnlyList<string>? Problems = null,
    IReadOnlyDictionary<string, string>? Typed = null)
{
    /// <summary>What the form <paramref name="form"/> shows in its field <paramref name="field"/>: as typed after a refusal, else <paramref name="inForce"/>.</summary>
    public string Shown(string form, string field, string inForce) =>
        ProblemForm == form && Typed?.GetValueOrDefault(field) is { } typed ? typed : inForce;

    public bool Refused(string form) => ProblemForm == form;
}
