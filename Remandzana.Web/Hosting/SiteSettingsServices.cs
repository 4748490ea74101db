using Remandzana.Web.Operator;
using Remandzana.Web.Options;

namespace Remandzana.Web.Hosting;

public static class SiteSettingsServices
{
    /// <summary>The site settings an Admin changes at run time (captcha, policies, lockdown, notice), shared by every instance.</summary>
    public static IServiceCollection AddSiteSettings(this IServiceCollection services)
    {
        services.AddOptions<SiteSettingsOptions>().BindConfiguration(SiteSettingsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SiteSettings>();
        services.AddSingleton<ISharedCopy>(provider => provider.GetRequiredService<SiteSettings>());
        services.AddHostedService<SharedCopiesWatch>();
        return services;
    }
}
