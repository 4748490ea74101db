using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Security;

namespace Remandzana.Web.Hosting;

public static class DebugServices
{
    /// <summary>The debug view's options and its keys.</summary>
    public static IServiceCollection AddDebugView(this IServiceCollection services)
    {
        services.AddOptions<DebugOptions>().BindConfiguration(DebugOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DebugKeys>();
        return services;
    }
}
