using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Logging — what the site's own log lines may say about visitors.</summary>
public sealed class LoggingOptions
{
    public const string Section = "Remandzana:Logging";

    [EnumDataType(typeof(ClientAddressLogging), ErrorMessage = "Remandzana:Logging:ClientAddresses is None, Hashed or Full.")]
    public ClientAddressLogging ClientAddresses { get; set; } = ClientAddressLogging.None;
}
