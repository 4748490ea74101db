using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;

namespace Remandzana.Web.Security;

/// <summary>
/// Who may reach the operator's endpoints (<see cref="OperatorOnlyAttribute"/>): loopback (127.0.0.1,
/// ::1) and the known proxies, for their own requests. A request a proxy forwards is a visitor's, even
/// when the address it names is loopback (a Tor daemon or a misconfigured proxy on this host makes
/// every visitor look like 127.0.0.1), so any sign of forwarding refuses it.
/// </summary>
public sealed class OperatorAccess(IOptions<ProxyOptions> proxies)
{
    private static readonly string[] ForwardingHeaders =
    [
        ForwardedHeadersDefaults.XForwardedForHeaderName,
        // What the forwarded-headers step leaves behind once it has taken X-Forwarded-For in.
        ForwardedHeadersDefaults.XOriginalForHeaderName,
        "Forwarded",
    ];

    private readonly HashSet<IPAddress> _trusted = [IPAddress.Loopback, IPAddress.IPv6Loopback, .. proxies.Value.Addresses.Select(Normal)];

    public bool Admits(HttpContext context) =>
        Admits(context.Connection.RemoteIpAddress) && !ForwardingHeaders.Any(context.Request.Headers.ContainsKey);

    private bool Admits(IPAddress? address) => address is not null && _trusted.Contains(Normal(address));

    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
