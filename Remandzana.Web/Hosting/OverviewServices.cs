using Microsoft.Extensions.DependencyInjection.Extensions;
using Remandzana.Web.Operator;
using Remandzana.Web.Options;

namespace Remandzana.Web.Hosting;

public static class OverviewServices
{
    /// <summary>The console's overview (/operator): this instance's recent activity, its hourly people count, and the site's numbers gathered across the cluster.</summary>
    public static IServiceCollection AddConsoleOverview(this IServiceCollection services)
    {
        services.AddOptions<OverviewOptions>().BindConfiguration(OverviewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<InstanceActivity>();
        services.TryAddSingleton<ThisInstance>();
        services.AddSingleton<SiteOverview>();
        services.AddHostedService<PeopleOnlineSampler>();
        return services;
    }
}
