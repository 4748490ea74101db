using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Console — the operator's console at /operator.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Remandzana:Console";

    /// <summary>How long a console form may be posted after its page was served.</summary>
    [Range(1, 1_440)]
    public int FormTokenMinutes { get; set; } = 30;

    /// <summary>This instance's append-only audit log (one JSON line per operator action), relative to the working directory unless absolute.</summary>
    [Required(AllowEmptyStrings = false)]
    public string AuditFile { get; set; } = "audit/operator-audit.jsonl";

    /// <summary>Wrong passwords one origin (a client address; an IPv6 /64 counted as one) may send per window; then every try is 429 until the window ends.</summary>
    [Range(1, 1_000)]
    public int LoginFailuresPerWindow { get; set; } = 5;

    /// <summary>The window of <see cref="LoginFailuresPerWindow"/>, in seconds.</summary>
    [Range(1, 86_400)]
    public int LoginFailureWindowSeconds { get; set; } = 300;
}
