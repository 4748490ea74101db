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

    /// <summary>The port Orleans clients would connect to (the site itself needs none from outside).</summary>
    [Range(1, 65535, ErrorMessage = "Remandzana:Backplane:GatewayPort is a TCP port, 1 to 65535.")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at, when scaled out; empty: this host's first network address.</summary>
    public string AdvertisedAddress { get; set; } = "";

    /// <summary>This instance's name in the debug view and the logs; empty: host name and process id.</summary>
    [RegularExpression("^[A-Za-z0-9_.:-]{0,64}$", ErrorMessage = "Remandzana:Backplane:InstanceName is at most 64 letters, digits, '_', '.', ':' or '-'.")]
    public string InstanceName { get; set; } = "";

    public bool Enabled => !string.IsNullOrWhiteSpace(Redis);
}
