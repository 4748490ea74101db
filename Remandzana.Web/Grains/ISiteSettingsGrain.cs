using Orleans;
using Remandzana.Domain.Site;
using Remandzana.Domain.Rooms;
using Remandzana.Web.Operator;
using Remandzana.Web.Options;

namespace Remandzana.Web.Grains;

/// <summary>
/// The site settings the operators changed at run time (key 0), kept in <see cref="Cluster.ClusterServices.SiteStorage"/>.
/// Each instance keeps a copy (<see cref="SiteSettings"/>) that it refreshes from here; every change
/// returns what is now kept. A null argument resets that group to appsettings.json.
/// </summary>
public interface ISiteSettingsGrain : IGrainWithIntegerKey
{
    /// <returns>What is kept, or null when its version is still <paramref name="version"/>.</returns>
    Task<SiteOverrides?> Since(long version);

    Task<SiteOverrides> SetCaptcha(CaptchaMode? mode, int? pressureChatsPerMinute);

    Task<SiteOverrides> SetLockdown(Lockdown? position);

    Task<SiteOverrides> SetNotice(string? text, Dictionary<string, string>? byLanguage);

    Task<SiteOverrides> SetPolicies(Mode mode, Dictionary<string, PolicyOverride>? policies);
}
