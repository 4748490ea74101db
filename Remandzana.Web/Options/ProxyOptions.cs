using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Remandzana.Web.Options;

/// <summary>
/// Remandzana:Proxy — the reverse proxies (nginx) whose X-Forwarded-For/-Proto/-Host headers
/// are believed. Anyone else could write those headers, so from any other address they are ignored.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Remandzana:Proxy";

    /// <summary>IP addresses of trusted proxies. The default (in appsettings.json) is loopback: nginx on the same machine.</summary>
    public string[] KnownProxies { get; set; } = [];

    public IEnumerable<IPAddress> Addresses => KnownProxies.Select(IPAddress.Parse);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        KnownProxies
            .Where(address => !IPAddress.TryParse(address, out _))
            .Select(address => new ValidationResult($"'{address}' is not an IP address.", [nameof(KnownProxies)]));
}
