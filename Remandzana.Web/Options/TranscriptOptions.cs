using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Transcripts — "Save conversation" in the send form.</summary>
public sealed class TranscriptOptions
{
    public const string Section = "Remandzana:Transcripts";

    /// <summary>Off: no button, no endpoint, nothing kept.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after a conversation ended it can still be saved; then its lines are dropped.</summary>
    [Range(1, 24 * 60)]
    public int KeepMinutes { get; set; } = 10;
}
