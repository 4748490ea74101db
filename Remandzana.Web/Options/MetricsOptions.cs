using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Metrics — the footer's "N messages today", and /metrics for Prometheus.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Remandzana:Metrics";

    /// <summary>The footer's count is recomputed at most this often (0: on every page).</summary>
    [Range(0, 3_600)]
    public int RecomputeSeconds { get; set; } = 60;

    /// <summary>Scaled out: the messages this instance relayed are added to Redis's count this often, not on each send.</summary>
    [Range(1, 3_600)]
    public int CountWriteSeconds { get; set; } = 5;

    /// <summary>
    /// Serve /metrics (Prometheus text format) to loopback (127.0.0.1, ::1) and the addresses in
    /// Remandzana:Proxy:KnownProxies, never to a client a proxy forwards; when false, /metrics is 404.
    /// </summary>
    public bool PrometheusEnabled { get; set; } = true;
}
