using Remandzana.Domain.Lines;

namespace Remandzana.Domain.Transcripts;

/// <summary>One line of a transcript: what the person was shown, and when (UTC).</summary>
public sealed record TranscriptLine(DateTimeOffset At, Line Line);
