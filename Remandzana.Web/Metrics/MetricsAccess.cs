using System.Net;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;

namespace Remandzana.Web.Metrics;

/// <summary>
/// Who may read /metrics: loopback (127.0.0.1, ::1) and the known proxies themselves. A client that
/// a known proxy forwards has its own address by then (forwarded headers run first), so it is refused.
/// </summary>
public sealed class MetricsAccess(IOptions<ProxyOptions> proxies)
{
    private readonly HashSet<IPAddress> _trusted = [IPAddress.Loopback, IPAddress.IPv6Loopback, .. proxies.Value.Addresses.Select(Normal)];

    public bool Admits(IPAddress? address) => address is not null && _trusted.Contains(Normal(address));

    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
