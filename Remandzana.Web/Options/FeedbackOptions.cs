using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Feedback — where feedback files live and how often one address may send feedback.</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Remandzana:Feedback";

    /// <summary>A folder, relative to the working directory unless absolute; created if missing.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Directory { get; set; } = "feedback";

    /// <summary>The longest feedback message, in characters.</summary>
    [Range(1, 10_000)]
    public int MaxMessageLength { get; set; } = 500;

    /// <summary>Feedback files larger than this are skipped (with a log line) instead of read.</summary>
    [Range(256, 1024 * 1024)]
    public int MaxFileBytes { get; set; } = 16 * 1024;

    /// <summary>Submissions one client address may make per window.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPermits { get; set; } = 5;

    /// <summary>The rate limit's window, in seconds.</summary>
    [Range(1, 86_400)]
    public int RateLimitWindowSeconds { get; set; } = 600;
}
