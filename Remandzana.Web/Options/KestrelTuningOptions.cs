using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Kestrel — the web server's limits, tuned for many long, mostly idle chat streams.</summary>
public sealed class KestrelTuningOptions
{
    public const string Section = "Remandzana:Kestrel";

    /// <summary>
    /// Open connections at most (0: no limit). Every chat tab holds one; keep it a little below the
    /// process's open-file limit (<c>ulimit -n</c>) so that a flood is refused cleanly instead of
    /// failing accept() with "too many open files".
    /// </summary>
    [Range(0, int.MaxValue)]
    public int MaxConnections { get; set; }

    /// <summary>
    /// A response whose pending write drains slower than this (bytes per second, after the grace
    /// period) is cut. Kestrel only measures while a write is waiting for the client, so idle
    /// streams are never cut; a browser that stops reading is. 0 turns the check off.
    /// </summary>
    [Range(0, 1_000_000)]
    public double MinResponseBytesPerSecond { get; set; } = 240;

    [Range(1, 3600)]
    public int MinResponseGraceSeconds { get; set; } = 5;

    /// <summary>
    /// Run request code and socket sends on the thread that noticed the I/O, instead of handing
    /// each over to the thread pool: fewer thread switches per relayed line. Safe only because
    /// no request blocks a thread (everything here is asynchronous or takes microseconds).
    /// </summary>
    public bool InlineScheduling { get; set; }
}
