using System.ComponentModel.DataAnnotations;
using Remandzana.Domain.Transcripts;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Reports — where reports of strangers are stored, what they keep, and how the operator's bars apply.</summary>
public sealed class ReportsOptions
{
    public const string Section = "Remandzana:Reports";

    /// <summary>A folder, relative to the working directory unless absolute; created if missing.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Directory { get; set; } = "reports";

    /// <summary>The last lines of the reporter's conversation a report keeps (kept per person in memory while they chat).</summary>
    [Range(1, Transcript.ReportLines)]
    public int Lines { get; set; } = Transcript.ReportLines;

    /// <summary>Report files larger than this are skipped (with a log line) instead of read.</summary>
    [Range(16 * 1024, 16 * 1024 * 1024)]
    public int MaxFileBytes { get; set; } = 256 * 1024;

    /// <summary>How long a bar set with "bar": true (and no "barredUntil") lasts, from the report's time.</summary>
    [Range(1, 3_650)]
    public int BarDays { get; set; } = 30;

    /// <summary>How often each instance reads the report files for the operator's bars and shares them with the others.</summary>
    [Range(1, 3_600)]
    public int RescanSeconds { get; set; } = 10;

    /// <summary>Closed reports (see README, Reports) are deleted once they are this old, unless a bar in them still holds.</summary>
    [Range(1, 3_650)]
    public int KeepDays { get; set; } = 30;

    /// <summary>Files the folder may hold; beyond it new reports are refused (the operator's own files still load). Every report is kept in memory, so this bounds that too.</summary>
    [Range(1, 1_000_000)]
    public int MaxFiles { get; set; } = 1_000;

    /// <summary>Reports one client address may make per window.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPermits { get; set; } = 10;

    [Range(1, 86_400)]
    public int RateLimitWindowSeconds { get; set; } = 600;
}
