using Microsoft.Extensions.Options;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Security;

namespace Remandzana.Web.Hosting;

/// <summary>Who made a request, as the log may say it (Remandzana:Logging:ClientAddresses).</summary>
public sealed class ClientInLogs(IOptions<LoggingOptions> options, DailyAddressHash hash)
{
    /// <returns>The client as the request's log lines name it, or null when they name nobody.</returns>
    public string? Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        return options.Value.ClientAddresses switch
        {
            ClientAddressLogging.Full => address?.ToString() ?? "unknown",
            ClientAddressLogging.Hashed => address is null ? "unknown" : "#" + hash.Of(address),
            _ => null,
        };
    }
}
