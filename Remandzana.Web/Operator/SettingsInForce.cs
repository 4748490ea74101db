using Remandzana.Domain.Moderation;
using Remandzana.Domain.Site;
using Remandzana.Domain.Rooms;
using Remandzana.Web.Moderation;
using Remandzana.Web.Options;

namespace Remandzana.Web.Operator;

/// <summary>
/// The site settings in force on this instance: each value the operators changed at run time, else
/// appsettings.json's. Immutable: a change builds a new one, so a page reads one consistent set.
/// </summary>
public sealed class SettingsInForce
{
    private SettingsInForce(SiteOverrides overrides, CaptchaMode captchaMode, int pressureChatsPerMinute, Lockdown lockdown, SiteNotice notice, ModerationOptions moderation, PoliciesByMode policies)
    {
        Overrides = overrides;
        CaptchaMode = captchaMode;
        PressureChatsPerMinute = pressureChatsPerMinute;
        Lockdown = lockdown;
        Notice = notice;
        Moderation = moderation;
        Policies = policies;
    }

    /// <summary>What the operators changed (null values are not changed).</summary>
    public SiteOverrides Overrides { get; }

    public CaptchaMode CaptchaMode { get; }

    public int PressureChatsPerMinute { get; }

    public Lockdown Lockdown { get; }

    public SiteNotice Notice { get; }

    /// <summary>Every mode's ladders as in force (for the console), the rest of Remandzana:Moderation as configured.</summary>
    public ModerationOptions Moderation { get; }

    public PoliciesByMode Policies { get; }

    /// <summary>Whether a chat page may open without a pass whatever the pressure.</summary>
    public bool CaptchaOff => CaptchaMode == CaptchaMode.Off && Lockdown != Lockdown.CaptchaEveryChat;

    /// <summary>Whether every chat page needs a pass (the captcha's Always mode, or the lockdown's captcha on every chat).</summary>
    public bool PassAlwaysNeeded => CaptchaMode == CaptchaMode.Always || Lockdown == Lockdown.CaptchaEveryChat;

    public bool NewChatsClosed => Lockdown == Lockdown.NoNewChats;

    /// <param name="earlier">The policies in force until now: those that did not change are kept, with what they counted.</param>
    public static SettingsInForce From(SiteOverrides overrides, CaptchaOptions captcha, ModerationOptions moderation, SiteSettingsOptions site, PoliciesByMode? earlier, ILogger logger)
    {
        var ladders = WithOverrides(moderation, overrides);
        var policies = Remandzana.Web.Moderation.Policies.From(ladders, logger);
        return new SettingsInForce(
            overrides,
            overrides.CaptchaMode ?? captcha.Mode,
            overrides.PressureChatsPerMinute ?? captcha.PressureChatsPerMinute,
            overrides.Lockdown ?? site.Lockdown,
            overrides.NoticeOverridden ? new SiteNotice(overrides.Notice, overrides.NoticeByLanguage ?? []) : site.ToNotice(),
            ladders,
            earlier is null ? policies : policies.KeepingFrom(earlier));
    }

    /// <summary>The policies' names in configuration, in the order a mode checks them.</summary>
    public static readonly IReadOnlyList<string> PolicyNames = ["BlockUrls", "OnionBlacklist", "RepeatedText"];

    public static LadderOptions Ladder(ModePolicyOptions policies, string name) => name switch
    {
        "BlockUrls" => policies.BlockUrls,
        "OnionBlacklist" => policies.OnionBlacklist,
        "RepeatedText" => policies.RepeatedText,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such policy"),
    };

    public ModePolicyOptions PoliciesOf(Mode mode) => Moderation.Modes.First(pair => pair.Mode == mode).Policies;

    /// <summary>Whether the operators changed <paramref name="mode"/>'s policies.</summary>
    public bool PoliciesOverridden(Mode mode) => Overrides.Policies?.ContainsKey(mode.ToString()) == true;

    private static ModerationOptions WithOverrides(ModerationOptions configured, SiteOverrides overrides)
    {
        ModePolicyOptions For(Mode mode, ModePolicyOptions policies)
        {
            var changed = overrides.Policies?.GetValueOrDefault(mode.ToString());
            LadderOptions Pick(string name, LadderOptions ladder) => changed?.GetValueOrDefault(name) is { } chosen
                ? new LadderOptions { Enabled = chosen.Enabled, Suppress = chosen.Suppress, Then = chosen.Then }
                : ladder;
            return new ModePolicyOptions
            {
                BlockUrls = Pick("BlockUrls", policies.BlockUrls),
                OnionBlacklist = Pick("OnionBlacklist", policies.OnionBlacklist),
                RepeatedText = Pick("RepeatedText", policies.RepeatedText),
            };
        }

        return new ModerationOptions
        {
            OnionBlacklistFile = configured.OnionBlacklistFile,
            ExileDays = configured.ExileDays,
            RepeatedText = configured.RepeatedText,
            Two = For(Mode.Two, configured.Two),
            Three = For(Mode.Three, configured.Three),
            Question = For(Mode.Question, configured.Question),
            Global = For(Mode.Global, configured.Global),
        };
    }
}
