using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Transcripts;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class TranscriptKeeping
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);

    [Test]
    public void KeepsTheLinesInTheOrderTheyWereShownWithTheirTimes()
    {
        var transcript = new Transcript(ChatEntry.Two, Start);
        var found = new SystemLine(NoticeKind.Found, Notices.FoundStranger);
        var hello = new ChatLine(new Speaker("You", SpeakerColour.You), "hello");
        var hi = new ChatLine(new Speaker("Stranger", SpeakerColour.Stranger), "hi");

        transcript.Add(found, Start);
        transcript.Add(hello, Start.AddSeconds(5));
        transcript.Add(hi, Start.AddSeconds(9));

        Assert.That(transcript.Lines, Is.EqualTo(new[]
        {
            new TranscriptLine(Start, found),
            new TranscriptLine(Start.AddSeconds(5), hello),
            new TranscriptLine(Start.AddSeconds(9), hi),
        }));
        Assert.That(transcript.Dropped, Is.Zero);
    }

    [Test]
    public void KeepsOnlyTheLastFiveHundredLines()
    {
        var transcript = new Transcript(ChatEntry.Global, Start);
        for (var i = 1; i <= Transcript.MaxLines + 20; i++)
        {
            transcript.Add(new ChatLine(new Speaker("Anonymous", SpeakerColour.Anonymous), $"message {i}"), Start.AddSeconds(i));
        }

        var lines = transcript.Lines;
        Assert.That(lines, Has.Count.EqualTo(500));
        Assert.That(((ChatLine)lines[0].Line).Text, Is.EqualTo("message 21"), "the oldest lines went first");
        Assert.That(((ChatLine)lines[^1].Line).Text, Is.EqualTo("message 520"));
        Assert.That(transcript.Dropped, Is.EqualTo(20));
    }

    [Test]
    public void IsKeptWhileTheConversationRunsAndForTheKeepingTimeAfterItEnded()
    {
        var transcript = new Transcript(ChatEntry.Two, Start);

        Assert.That(transcript.IsKept(Start.AddDays(3), Keep), Is.True, "a conversation that still runs is kept");
        transcript.End(Start.AddHours(1));
        transcript.End(Start.AddHours(2));

        Assert.That(transcript.EndedAt, Is.EqualTo(Start.AddHours(1)), "the first end counts");
        Assert.That(transcript.IsKept(Start.AddHours(1) + Keep - TimeSpan.FromSeconds(1), Keep), Is.True);
        Assert.That(transcript.IsKept(Start.AddHours(1) + Keep, Keep), Is.False);
    }
}
