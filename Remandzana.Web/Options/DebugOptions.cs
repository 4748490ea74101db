using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Debug — the operator's JSON view of everyone connected, at /debug.</summary>
public sealed class DebugOptions
{
    public const string Section = "Remandzana:Debug";

    /// <summary>When false, /debug does not exist (404).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When true, anyone may ask for /debug (a key is still needed); else only loopback and the known proxies' own requests.</summary>
    public bool Public { get; set; }

    /// <summary>A request without a valid key logs a fresh one at most this often (at once when the last one was used).</summary>
    [Range(0, 86_400)]
    public int KeyCooldownSeconds { get; set; } = 10;

    /// <summary>How long a logged key may be used (once) to open /debug.</summary>
    [Range(1, 3_600)]
    public int KeyLifetimeSeconds { get; set; } = 120;
}
