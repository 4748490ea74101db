using Microsoft.Extensions.Options;
using Orleans;
using Remandzana.Web.Grains;
using Remandzana.Web.Moderation;
using Remandzana.Web.Options;

namespace Remandzana.Web.Operator;

/// <summary>
/// This instance's copy of the site settings: a page reads <see cref="Current"/> (a field, no
/// call); <see cref="Refresh"/> (every <c>Remandzana:SiteSettings:RefreshMilliseconds</c>, by
/// <see cref="SharedCopiesWatch"/>) takes what another instance changed, and <see cref="Change"/>
/// changes the settings site-wide and applies them here at once.
/// </summary>
public sealed class SiteSettings : ISharedCopy
{
    private readonly IGrainFactory _grains;
    private readonly CaptchaOptions _captcha;
    private readonly ModerationOptions _moderation;
    private readonly SiteSettingsOptions _site;
    private readonly PoliciesInForce _policies;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private volatile SettingsInForce _current;

    public SiteSettings(IGrainFactory grains, IOptions<CaptchaOptions> captcha, IOptions<ModerationOptions> moderation, IOptions<SiteSettingsOptions> site, PoliciesInForce policies, ILogger<SiteSettings> logger)
    {
        _policies = policies;
        _grains = grains;
        _captcha = captcha.Value;
        _moderation = moderation.Value;
        _site = site.Value;
        _logger = logger;
        _current = SettingsInForce.From(new SiteOverrides { Version = -1 }, _captcha, _moderation, _site, policies.Current, logger);
    }

    public SettingsInForce Current => _current;

    public string What => "The site settings";

    /// <summary>Takes the settings kept site-wide, when they changed since this instance last heard.</summary>
    public async Task Refresh()
    {
        if (await Grain.Since(_current.Overrides.Version) is { } kept)
        {
            Apply(kept);
        }
    }

    /// <summary>Makes one change site-wide; it is in force here when this returns, on the other instances within their next refresh.</summary>
    public async Task<SettingsInForce> Change(Func<ISiteSettingsGrain, Task<SiteOverrides>> change)
    {
        Apply(await change(Grain));
        return _current;
    }

    private ISiteSettingsGrain Grain => _grains.GetGrain<ISiteSettingsGrain>(0);

    private void Apply(SiteOverrides kept)
    {
        lock (_gate)
        {
            // A refresh that set out before a change made here may come back after it: keep the newer.
            if (kept.Version <= _current.Overrides.Version)
            {
                return;
            }

            _current = SettingsInForce.From(kept, _captcha, _moderation, _site, _current.Policies, _logger);
            _policies.Current = _current.Policies;
        }
    }
}
