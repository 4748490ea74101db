using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Site;
using Remandzana.Web.Localisation;
using Remandzana.Web.Operator;
using Remandzana.Web.Options;

namespace Remandzana.Web.Controllers.Operator;

/// <summary>
/// /operator/settings (Admins): the site settings in force, and a form per group (captcha,
/// lockdown, site notice, each mode's policies) to change them site-wide or reset them to
/// appsettings.json. A change is in force on this instance at once, on the others within
/// <c>Remandzana:SiteSettings:RefreshMilliseconds</c>; each is recorded in the audit log.
/// </summary>
[Authorize(Policy = OperatorPolicies.Admin)]
public sealed class SettingsController(
    SiteSettings settings,
    IOperatorAudit audit,
    IOptions<CaptchaOptions> captcha,
    IOptions<SiteSettingsOptions> site,
    IOptions<ModerationOptions> moderation) : OperatorController
{
    public const string Path = "/operator/settings";
    private const int MaxPressure = 10_000_000;
    private const int MaxSuppress = 1_000;

    [HttpGet(Path)]
    public IActionResult Index() => View(Page());

    [HttpPost(Path + "/captcha")]
    public async Task<IActionResult> Captcha()
    {
        if (Resetting)
        {
            await settings.Change(grain => grain.SetCaptcha(null, null));
            return await Done("settings.captcha", "captcha reset to appsettings.json");
        }

        var problems = new List<string>();
        var mode = Enum.TryParse<CaptchaMode>(Field("mode"), ignoreCase: false, out var chosen) && Enum.IsDefined(chosen) ? chosen : (CaptchaMode?)null;
        if (mode is null)
        {
            problems.Add("Mode: choose Off, Always or UnderPressure.");
        }

        var pressure = Whole(Field("pressure"), 1, MaxPressure, "Chats per minute under pressure", problems);
        if (problems.Count > 0)
        {
            return Refused("captcha", problems);
        }

        await settings.Change(grain => grain.SetCaptcha(mode, pressure));
        return await Done("settings.captcha", $"captcha Mode={mode}, PressureChatsPerMinute={pressure}");
    }

    [HttpPost(Path + "/lockdown")]
    public async Task<IActionResult> Lockdown()
    {
        if (Resetting)
        {
            await settings.Change(grain => grain.SetLockdown(null));
            return await Done("settings.lockdown", "lockdown reset to appsettings.json");
        }

        if (!Enum.TryParse<Lockdown>(Field("position"), ignoreCase: false, out var position) || !Enum.IsDefined(position))
        {
            return Refused("lockdown", ["Lockdown: choose Normal, CaptchaEveryChat or NoNewChats."]);
        }

        await settings.Change(grain => grain.SetLockdown(position));
        return await Done("settings.lockdown", $"lockdown {position}");
    }

    [HttpPost(Path + "/notice")]
    public async Task<IActionResult> Notice()
    {
        if (Resetting)
        {
            await settings.Change(grain => grain.SetNotice(null, null));
            return await Done("settings.notice", "site notice reset to appsettings.json");
        }

        var problems = new List<string>();
        var text = Field("notice");
        if (SiteNotice.Problem(text) is { } wrong)
        {
            problems.Add($"Default notice: it {wrong}");
        }

        var byLanguage = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var language in SiteLanguage.All)
        {
            var wording = Field("notice-" + language.Code);
            if (SiteNotice.Problem(wording) is { } problem)
            {
                problems.Add($"Notice in {language.NativeName} ({language.Code}): it {problem}");
            }
            else if (!string.IsNullOrWhiteSpace(wording))
            {
                byLanguage[language.Code] = wording.Trim();
            }
        }

        if (problems.Count > 0)
        {
            return Refused("notice", problems);
        }

        // An empty notice is a choice too (none, whatever appsettings.json says): kept as "".
        var kept = string.IsNullOrWhiteSpace(text) ? "" : text.Trim();
        await settings.Change(grain => grain.SetNotice(kept, byLanguage));
        return await Done("settings.notice", $"site notice \"{kept}\"" + string.Concat(byLanguage.Select(pair => $", {pair.Key}: \"{pair.Value}\"")));
    }

    [HttpPost(Path + "/policies/{mode}")]
    public async Task<IActionResult> Policies(string mode)
    {
        if (!Enum.TryParse<Mode>(mode, ignoreCase: false, out var chosen) || !Enum.IsDefined(chosen))
        {
            return NotFound();
        }

        if (Resetting)
        {
            await settings.Change(grain => grain.SetPolicies(chosen, null));
            return await Done("settings.policies", $"{chosen} policies reset to appsettings.json");
        }

        var problems = new List<string>();
        var policies = new Dictionary<string, PolicyOverride>();
        foreach (var name in SettingsInForce.PolicyNames)
        {
            var enabled = Field($"{name}.Enabled") == "true";
            var suppress = Whole(Field($"{name}.Suppress"), 0, MaxSuppress, $"{name}: suppressions", problems);
            if (!Enum.TryParse<Consequence>(Field($"{name}.Then"), ignoreCase: false, out var then) || !Enum.IsDefined(then))
            {
                problems.Add($"{name}: then, choose Kick or Exile.");
            }

            if (name == "OnionBlacklist" && enabled && !System.IO.File.Exists(moderation.Value.OnionBlacklistPath))
            {
                problems.Add($"OnionBlacklist: it needs its file {moderation.Value.OnionBlacklistPath}, which does not exist (Remandzana:Moderation:OnionBlacklistFile).");
            }

            if (suppress is { } count)
            {
                policies[name] = new PolicyOverride { Enabled = enabled, Suppress = count, Then = then };
            }
        }

        if (problems.Count > 0)
        {
            return Refused("policies-" + chosen, problems);
        }

        await settings.Change(grain => grain.SetPolicies(chosen, policies));
        return await Done("settings.policies", $"{chosen}: " + string.Join(", ", policies.Select(pair => $"{pair.Key} {(pair.Value.Enabled ? $"on, suppress ×{pair.Value.Suppress} → {pair.Value.Then}" : "off")}")));
    }

    private bool Resetting => Field("reset") == "true";

    private SettingsPageModel Page() => new(settings.Current, captcha.Value, site.Value, moderation.Value);

    private string? Field(string name) =>
        Request.HasFormContentType && Request.Form.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    private static int? Whole(string? text, int least, int most, string what, List<string> problems)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= least && number <= most)
        {
            return number;
        }

        problems.Add($"{what}: a whole number from {least} to {most}.");
        return null;
    }

    private ViewResult Refused(string form, IReadOnlyList<string> problems)
    {
        var typed = Request.Form.Where(pair => pair.Value.Count == 1).ToDictionary(pair => pair.Key, pair => pair.Value[0] ?? "", StringComparer.Ordinal);
        var page = View(nameof(Index), Page() with { ProblemForm = form, Problems = problems, Typed = typed });
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<IActionResult> Done(string action, string detail)
    {
        await audit.RecordAsync(OperatorName, action, detail);
        return new RedirectResult(Path, permanent: false) { PreserveMethod = false };
    }
}
