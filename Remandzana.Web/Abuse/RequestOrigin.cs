using Microsoft.Extensions.Options;
using Remandzana.Domain.People;
using Remandzana.Web.Captcha;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;

namespace Remandzana.Web.Abuse;

/// <summary>
/// The origin of a request: the pass it carries when one was read and found valid
/// (<see cref="Passes.IdOf"/>), else the client address as a known proxy forwarded it (behind the
/// onion nginx: the Tor circuit), folded into its <see cref="AddressBlock"/>.
/// </summary>
public static class RequestOrigin
{
    public static Origin Of(HttpContext context)
    {
        if (Passes.IdOf(context) is { Length: > 0 } pass)
        {
            return new Origin("pass:" + pass);
        }

        return AddressOf(context);
    }

    /// <summary>The origin of the request's client address alone, whatever pass it carries.</summary>
    public static Origin AddressOf(HttpContext context) =>
        BlockOf(context) is { } block ? new Origin("address:" + block) : Origin.Unknown;

    /// <summary>The block of addresses the request's client address is counted in (its IPv6 /64, say), or null when there is no address.</summary>
    public static AddressBlock? BlockOf(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? AddressBlock.Of(address, context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.IPv6PrefixLength)
            : null;
}
