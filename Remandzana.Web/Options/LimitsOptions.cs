using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Limits — what keeps floods, crowds from one address and oversized requests cheap.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Remandzana:Limits";

    /// <summary>Messages a person may send at once before the sustained rate applies.</summary>
    [Range(1, 100_000)]
    public int SendBurst { get; set; } = 5;

    /// <summary>Messages per second a person may keep sending after the burst.</summary>
    [Range(1, 100_000)]
    public int SendPerSecond { get; set; } = 1;

    /// <summary>
    /// Apply the per-address limits below. Switch off behind an onion service or any proxy that
    /// shows every visitor as one address (per-person limits still apply).
    /// </summary>
    public bool PerAddressLimitsEnabled { get; set; } = true;

    /// <summary>Chat pages one address may hold open at once.</summary>
    [Range(1, 100_000)]
    public int StreamsPerAddress { get; set; } = 20;

    /// <summary>Chat pages one address may open per minute.</summary>
    [Range(1, 100_000)]
    public int NewStreamsPerAddressPerMinute { get; set; } = 60;

    /// <summary>
    /// How many leading bits of an IPv6 client address name one visitor for the per-address limits
    /// (64: a home connection's whole /64 counts as one; 128: every address alone). Tor's circuit
    /// addresses are always counted one by one.
    /// </summary>
    [Range(32, 128)]
    public int IPv6PrefixLength { get; set; } = 64;

    /// <summary>Chat pages the whole site holds open at once; beyond it newcomers get 503 at once.</summary>
    [Range(1, 10_000_000)]
    public int MaxStreams { get; set; } = 20_000;

    /// <summary>The largest body POST /send and POST /feedback accept, in bytes.</summary>
    [Range(256, 1_048_576)]
    public int MaxFormBytes { get; set; } = 8192;
}
