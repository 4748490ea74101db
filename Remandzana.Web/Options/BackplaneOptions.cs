using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Backplane — several instances sharing lobbies and rooms through Redis.</summary>
public sealed class BackplaneOptions
{
    public const string Section = "Remandzana:Backplane";

    /// <summary>A StackExchange.Redis connection string ("redis:6379"); empty: one process, everything in memory.</summary>
    public string Redis { get; set; } = "";

    /// <summary>Every key starts with this name as a hash tag ({rz}), so a Redis Cluster keeps them in one slot.</summary>
    [RegularExpression("^[A-Za-z0-9_-]{1,32}$", ErrorMessage = "Remandzana:Backplane:KeyPrefix is 1 to 32 letters, digits, '_' or '-'.")]
    public string KeyPrefix { get; set; } = "rz";

    /// <summary>How often an instance says it is alive.</summary>
    [Range(1, 60)]
    public int HeartbeatSeconds { get; set; } = 2;

    /// <summary>An instance silent this long is dead: the others remove its people and tell their partners.</summary>
    [Range(2, 600)]
    public int InstanceTimeoutSeconds { get; set; } = 8;

    /// <summary>This instance's name in Redis and in the debug view; empty: host name, process id and a random suffix.</summary>
    [RegularExpression("^[A-Za-z0-9_.:-]{0,64}$", ErrorMessage = "Remandzana:Backplane:InstanceName is at most 64 letters, digits, '_', '.', ':' or '-'.")]
    public string InstanceName { get; set; } = "";

    public bool Enabled => !string.IsNullOrWhiteSpace(Redis);
}
