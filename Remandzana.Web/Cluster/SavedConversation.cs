using Remandzana.Domain.People;
using Remandzana.Domain.Transcripts;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>A transcript as it is saved: a copy of its lines at the moment of the post, wherever it was kept.</summary>
/// <param name="Truncated">Older lines were dropped (only the last <see cref="Transcript.MaxLines"/> are kept).</param>
public sealed record SavedConversation(ChatEntry Entry, DateTimeOffset StartedAt, IReadOnlyList<TranscriptLine> Lines, bool Truncated)
{
    public static SavedConversation Of(Transcript transcript) => new(transcript.Entry, transcript.StartedAt, transcript.Lines, transcript.Dropped > 0);
}
