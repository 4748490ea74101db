using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Transcripts;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class ReportingAStranger
{
    private static readonly Origin AliceOrigin = new("address:192.0.2.1");
    private static readonly Origin BobOrigin = new("pass:bob");
    private static readonly Origin CarolOrigin = new("address:fc00:dead:beef:4dad::2a");

    [Test]
    public void InATwoPersonRoomThePartnerIsReportedAndTheReporterThankedAndReleased()
    {
        var switchboard = Switchboards.New();
        var alice = switchboard.Join(ChatEntry.Two, origin: AliceOrigin)!;
        var bob = switchboard.Join(ChatEntry.Two, origin: BobOrigin)!;
        alice.Drain();
        bob.Drain();

        var reported = switchboard.Report(alice.Id);

        Assert.Multiple(() =>
        {
            Assert.That(reported, Is.EqualTo(new[] { new Reported("Stranger", BobOrigin) }));
            Assert.That(alice.DrainTexts(), Is.EqualTo(new[] { Notices.ReportThanksLine }));
            Assert.That(alice.StreamEnded(), Is.True);
            Assert.That(bob.DrainTexts(), Is.EqualTo(new[] { Notices.StrangerLeft, Notices.ConversationOver }), "the reported person is told only that the other left");
        });
    }

    [Test]
    public void InAThreePersonRoomTheOthersAreReportedByTheNamesTheReporterSaw()
    {
        var switchboard = Switchboards.New();
        var alice = switchboard.Join(ChatEntry.Three, origin: AliceOrigin)!;
        var bob = switchboard.Join(ChatEntry.Three, origin: BobOrigin)!;
        var carol = switchboard.Join(ChatEntry.Three, origin: CarolOrigin)!;

        var reported = switchboard.Report(bob.Id);

        Assert.That(reported, Is.EqualTo(new[] { new Reported("Alice", AliceOrigin), new Reported("Charlie", CarolOrigin) }));
        Assert.That(carol.DrainTexts(), Does.Contain(Notices.HasLeft("Bob").English));
        Assert.That(alice.IsGone, Is.False, "two are left: their conversation goes on");
    }

    [Test]
    public void InGlobalChatAReportNamesOnlyThoseWhoSpokeInTheMessagesItKeeps()
    {
        var switchboard = Switchboards.New();
        var people = Enumerable.Range(1, 6).Select(i => switchboard.Join(ChatEntry.Global, origin: new Origin($"address:192.0.2.{i}"))!).ToList();
        var (reporter, before, talker, commander) = (people[0], people[1], people[2], people[3]);
        switchboard.Send(before.Id, "said long ago");
        switchboard.Send(talker.Id, "hello everyone");
        switchboard.Send(commander.Id, "/ping");
        switchboard.Send(reporter.Id, "please stop");

        var everyMessage = switchboard.Report(reporter.Id);
        var onlyTheLast = people[1].Room!.Report(people[1], out _, messagesSeen: 1);

        Assert.Multiple(() =>
        {
            Assert.That(everyMessage!.Select(reported => reported.Origin), Is.EqualTo(new[] { before.Origin, talker.Origin }), "the silent and those who only typed a command are not named, nor the reporter");
            Assert.That(onlyTheLast, Is.Empty, "the one message a report holding a single message covers was sent by someone who has left");
        });
    }

    [Test]
    public void SomeoneStillWaitingHasNobodyToReport()
    {
        var switchboard = Switchboards.New();
        var alone = switchboard.JoinOrFail(ChatEntry.Two);

        Assert.That(switchboard.Report(alone.Id), Is.Null);
        Assert.That(alone.IsGone, Is.False);
    }

    [TestCase(3, 5)]
    [TestCase(50, 120)]
    [TestCase(50, 9)]
    public void TheTranscriptKeepsTheLastLinesOldestFirst(int capacity, int shown)
    {
        var transcript = new Transcript(ChatEntry.Two, DateTimeOffset.UnixEpoch, capacity);
        for (var i = 1; i <= shown; i++)
        {
            transcript.Add(new SystemLine(NoticeKind.Found, $"line {i}"), DateTimeOffset.UnixEpoch.AddSeconds(i));
        }

        var expected = Enumerable.Range(Math.Max(1, shown - capacity + 1), Math.Min(shown, capacity)).Select(i => $"line {i}");
        Assert.That(transcript.Lines.Select(line => Transcript.TextOf(line.Line)), Is.EqualTo(expected));
    }

    [Test]
    public void TheTranscriptWordsChatLinesAsTheViewerSawThem()
    {
        var at = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        var transcript = new Transcript(ChatEntry.Two, at, 3);
        for (var i = 1; i <= 5; i++)
        {
            transcript.Add(new ChatLine(new Speaker("Stranger", SpeakerColour.Stranger), $"line {i}"), at.AddSeconds(i));
        }

        Assert.That(transcript.Lines.Select(line => Transcript.TextOf(line.Line)), Is.EqualTo(new[] { "Stranger: line 3", "Stranger: line 4", "Stranger: line 5" }));
        Assert.That(transcript.Lines[0].At, Is.EqualTo(at.AddSeconds(3)));
    }
}
