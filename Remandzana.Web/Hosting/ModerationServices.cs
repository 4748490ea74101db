using Microsoft.Extensions.Options;
using Remandzana.Domain.Moderation;
using Remandzana.Web.Grains;
using Remandzana.Web.Moderation;
using Remandzana.Web.Options;
using Remandzana.Web.Security;

namespace Remandzana.Web.Hosting;

public static class ModerationServices
{
    /// <summary>The policies of each mode (validated at start: an enabled blacklist needs its file) and the exile mark.</summary>
    public static IServiceCollection AddModeration(this IServiceCollection services)
    {
        services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => Policies.From(
            provider.GetRequiredService<IOptions<ModerationOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Policies).FullName!)));
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<ModerationOptions>>().Value.RepeatedText.ToLimits());
        services.AddSingleton<ExileMarks>();
        services.AddSingleton<ExileGate>();
        return services;
    }
}
