using Remandzana.Domain.People;

namespace Remandzana.Web.Abuse;

/// <summary>
/// The origin of a request: the pass it carries when the captcha checked one (the captcha puts
/// the validated pass id into <see cref="PassItem"/> before a chat action runs), else the client
/// address as a known proxy forwarded it (behind the onion nginx: the Tor circuit).
/// </summary>
public static class RequestOrigin
{
    /// <summary>Where the captcha leaves the id of a request's valid pass.</summary>
    public const string PassItem = "Remandzana.Pass";

    public static Origin Of(HttpContext context)
    {
        if (context.Items.TryGetValue(PassItem, out var item) && item is string { Length: > 0 } pass)
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
