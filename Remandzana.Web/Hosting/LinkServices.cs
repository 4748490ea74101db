using Remandzana.Web.Links;

namespace Remandzana.Web.Hosting;

public static class LinkServices
{
    /// <summary>
    /// The site's links for a request. Features that carry a choice in the address register an
    /// <see cref="ICarriedParameter"/>: <c>services.AddSingleton&lt;ICarriedParameter, TheirParameter&gt;()</c>.
    /// </summary>
    public static IServiceCollection AddSiteLinks(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<SiteLinks>();
        return services;
    }
}
