using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Chat — how chat streams and the send form behave.</summary>
public sealed class ChatOptions
{
    public const string Section = "Remandzana:Chat";

    /// <summary>Seconds between heartbeats; keep well inside proxies' idle timeouts (nginx: 60 s).</summary>
    [Range(1, 50)]
    public int HeartbeatSeconds { get; set; } = 6;

    /// <summary>Lines that may wait for one stream; a browser that falls this far behind is disconnected.</summary>
    [Range(8, 100_000)]
    public int MailboxCapacity { get; set; } = 256;

    /// <summary>The longest message or question, in characters.</summary>
    [Range(1, 10_000)]
    public int MaxMessageLength { get; set; } = 500;

    /// <summary>How long a send form's token stays valid.</summary>
    [Range(1, 24 * 30)]
    public int TokenLifetimeHours { get; set; } = 24;

    /// <summary>
    /// How long someone whose stream ended without a leave is held in their room, waiting for their
    /// resume link (issue 25); 0 turns holding off (a dropped stream leaves at once).
    /// </summary>
    [Range(0, 600, ErrorMessage = "Remandzana:Chat:ResumeSeconds must be between 0 (off) and 600.")]
    public int ResumeSeconds { get; set; } = 30;
}
