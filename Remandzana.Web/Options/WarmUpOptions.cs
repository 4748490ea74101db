using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:WarmUp — a short conversation with itself before the instance says it is ready.</summary>
public sealed class WarmUpOptions
{
    public const string Section = "Remandzana:WarmUp";

    /// <summary>
    /// At most this long (0: no warm-up, ready at once). It ends sooner when the runtime has stopped
    /// compiling: a fresh process runs unoptimised code until each method has been called often
    /// enough, which made the first half-minute after a start several times slower than the rest.
    /// </summary>
    [Range(0, 300)]
    public int Seconds { get; set; } = 30;

    /// <summary>
    /// Pairs of warm-up pages on /two. Each person may send only as fast as the flood gate allows,
    /// so more pairs warm faster; each page is a stream from loopback, so keep it under the
    /// per-address limits.
    /// </summary>
    [Range(1, 9)]
    public int Pairs { get; set; } = 8;
}
