using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Security;

namespace Remandzana.Web.Hosting;

public static class ProxyServices
{
    /// <summary>
    /// Believes X-Forwarded-For/-Proto/-Host only from the configured proxies (Remandzana:Proxy:KnownProxies),
    /// and lets only them and loopback reach the operator's endpoints (<see cref="OperatorAccess"/>).
    /// </summary>
    public static IServiceCollection AddProxySupport(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The framework trusts loopback by default; trust exactly what is configured instead.
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var address in proxy.Value.Addresses)
            {
                forwarded.KnownProxies.Add(address);
            }
        });
        services.AddSingleton<OperatorAccess>();
        return services;
    }
}
