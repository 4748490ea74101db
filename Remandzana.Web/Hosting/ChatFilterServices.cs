using Remandzana.Web.Operator;
using Remandzana.Web.Options;

namespace Remandzana.Web.Hosting;

public static class ChatFilterServices
{
    /// <summary>The operator's filters (shared by every instance, refreshed here) and kick.</summary>
    public static IServiceCollection AddChatFilters(this IServiceCollection services)
    {
        // The filters are refreshed as often as the site settings (Remandzana:SiteSettings:RefreshMilliseconds).
        services.AddOptions<SiteSettingsOptions>().BindConfiguration(SiteSettingsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChatFilterBook>();
        services.AddSingleton<ISharedCopy>(provider => provider.GetRequiredService<ChatFilterBook>());
        services.AddHostedService<SharedCopiesWatch>();
        services.AddSingleton<Kicks>();
        return services;
    }
}
