using Orleans;
using Remandzana.Domain.Site;
using Remandzana.Web.Options;

namespace Remandzana.Web.Operator;

/// <summary>
/// What the operators changed at run time, kept by <see cref="Grains.ISiteSettingsGrain"/>: every
/// value left null (or absent) falls back to appsettings.json. Stored as JSON alone, in Redis
/// scaled out.
/// </summary>
[GenerateSerializer]
public sealed class SiteOverrides
{
    /// <summary>Grows with every change (never goes back, even if the store is lost), so an instance keeps the newest it heard.</summary>
    [Id(0)]
    public long Version { get; set; }

    [Id(1)]
    public CaptchaMode? CaptchaMode { get; set; }

    [Id(2)]
    public int? PressureChatsPerMinute { get; set; }

    [Id(3)]
    public Lockdown? Lockdown { get; set; }

    /// <summary>The site notice's default text; with <see cref="NoticeByLanguage"/>, in place of the configured notice when either is set.</summary>
    [Id(4)]
    public string? Notice { get; set; }

    [Id(5)]
    public Dictionary<string, string>? NoticeByLanguage { get; set; }

    /// <summary>Per mode ("Two", "Three", "Question", "Global"), its policies by name in configuration ("BlockUrls", "OnionBlacklist", "RepeatedText").</summary>
    [Id(6)]
    public Dictionary<string, Dictionary<string, PolicyOverride>>? Policies { get; set; }

    public bool NoticeOverridden => Notice is not null || NoticeByLanguage is { Count: > 0 };
}
