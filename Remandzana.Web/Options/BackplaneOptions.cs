using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Backplane — this instance as a silo of the Orleans cluster, alone or with others through Redis.</summary>
public sealed class BackplaneOptions
{
    public const string Section = "Remandzana:Backplane";

    /// <summary>A StackExchange.Redis connection string ("redis:6379"); empty: one silo in this process, nothing to install.</summary>
    public string Redis { get; set; } = "";

    /// <summary>The cluster's name: silos with the same name and Redis form one site; also the prefix of the key ring's Redis key.</summary>
    [RegularExpression("^[A-Za-z0-9_-]{1,32}$", ErrorMessage = "Remandzana:Backplane:KeyPrefix is 1 to 32 letters, digits, '_' or '-'.")]
    public string KeyPrefix { get; set; } = "rz";

    /// <summary>The port silos talk to each other on.</summary>
    [Range(1, 65535, ErrorMessage = "Remandzana:Backplane:SiloPort is a TCP port, 1 to 65535.")]
    public int SiloPort { get; set; } = 11111;

    /// <summary>The address other silos reach this one at, and the only one its silo listens on, when scaled out; empty: this host's first network address.</summary>
    public string AdvertisedAddress { get; set; } = "";

    /// <summary>
    /// Scaled out: the file of the certificate every instance shares (PEM with its private key, or PKCS#12);
    /// silos talk over TLS and accept only a peer that presents this very certificate. Empty: no TLS, allowed on loopback only.
    /// </summary>
    public string Certificate { get; set; } = "";

    /// <summary>The password of <see cref="Certificate"/> (a PKCS#12 file's, or an encrypted PEM key's); empty: none.</summary>
    public string CertificatePassword { get; set; } = "";

    /// <summary>This instance's name in the debug view and the logs; empty: host name and process id.</summary>
    [RegularExpression("^[A-Za-z0-9_.:-]{0,64}$", ErrorMessage = "Remandzana:Backplane:InstanceName is at most 64 letters, digits, '_', '.', ':' or '-'.")]
    public string InstanceName { get; set; } = "";

    public bool Enabled => !string.IsNullOrWhiteSpace(Redis);
}
