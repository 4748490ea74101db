using Remandzana.Domain.People;
using Remandzana.Web.Captcha;

namespace Remandzana.Web.Abuse;

/// <summary>
/// The origin of a request: the pass it carries when one was read and found valid
/// (<see cref="Passes.IdOf"/>), else the client address as a known proxy forwarded it (behind the
/// onion nginx: the Tor circuit).
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
    public static Origin AddressOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true })
        {
            address = address.MapToIPv4();
        }

        return address is null ? Origin.Unknown : new Origin("address:" + address);
    }
}
