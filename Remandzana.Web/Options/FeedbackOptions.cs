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

    /// <summary>Entries the operator never published are deleted once they are this old.</summary>
    [Range(1, 3_650)]
    public int KeepDays { get; set; } = 90;

    /// <summary>Files the folder may hold; beyond it new feedback is refused (the operator's own files still load).</summary>
    [Range(1, 1_000_000)]
    public int MaxFiles { get; set; } = 10_000;

    /// <summary>How often the folder is listed again for the operator's edits (only changed files are read).</summary>
    [Range(1, 3_600)]
    public int RescanSeconds { get; set; } = 10;

    /// <summary>Submissions one client address may make per window.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPermits { get; set; } = 5;

    /// <summary>The rate limit's window, in seconds.</summary>
    [Range(1, 86_400)]
    public int RateLimitWindowSeconds { get; set; } = 600;
}
