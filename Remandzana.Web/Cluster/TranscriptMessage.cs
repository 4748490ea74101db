using Orleans;
using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Transcripts;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>A person's transcript on its way from the instance that holds it to the one that answered their post.</summary>
[GenerateSerializer, Immutable]
public sealed record TranscriptMessage(
    [property: Id(0)] ChatEntry Entry,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] DateTimeOffset[] Times,
    [property: Id(3)] Line[] Lines,
    [property: Id(4)] bool Truncated)
{
    public static TranscriptMessage Of(Transcript transcript)
    {
        var lines = transcript.Lines;
        return new(transcript.Entry, transcript.StartedAt, [.. lines.Select(line => line.At)], [.. lines.Select(line => line.Line)], transcript.Dropped > 0);
    }

    public SavedConversation ToSaved() =>
        new(Entry, StartedAt, [.. Times.Zip(Lines, (at, line) => new TranscriptLine(at, line))], Truncated);
}
