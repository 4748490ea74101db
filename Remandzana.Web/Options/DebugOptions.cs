using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Debug — the operator's JSON view of everyone connected, at /debug.</summary>
public sealed class DebugOptions
{
    public const string Section = "Remandzana:Debug";

    /// <summary>When false, /debug does not exist (404).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A request without a valid key logs a fresh one at most this often.</summary>
    [Range(0, 86_400)]
    public int KeyCooldownSeconds { get; set; } = 10;

    /// <summary>How long a logged key opens /debug.</summary>
    [Range(1, 7 * 86_400)]
    public int KeyLifetimeSeconds { get; set; } = 600;
}
