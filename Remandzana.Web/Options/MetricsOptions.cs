using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Metrics — the footer's "N messages today".</summary>
public sealed class MetricsOptions
{
    public const string Section = "Remandzana:Metrics";

    /// <summary>The footer's count is recomputed at most this often (0: on every page).</summary>
    [Range(0, 3_600)]
    public int RecomputeSeconds { get; set; } = 60;
}
