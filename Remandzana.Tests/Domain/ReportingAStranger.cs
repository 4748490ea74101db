using Remandzana.Domain.Lines;
using Remandzana.Domain.Moderation;
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
        var told = new Told();
        var alice = told.Join(ChatEntry.Two, origin: AliceOrigin);
        var bob = told.Join(ChatEntry.Two, origin: BobOrigin);
        var room = alice.Room!;
        told.Drain(alice);
        told.Drain(bob);

        var reported = told.After(room, room.Report(alice));

        Assert.Multiple(() =>
        {
            Assert.That(reported, Is.EqualTo(new[] { new Reported("Stranger", BobOrigin) }));
            Assert.That(told.Texts(alice), Is.EqualTo(new[] { Notices.ReportThanksLine }));
            Assert.That(told.Released(alice), Is.True);
            Assert.That(told.Texts(bob), Is.EqualTo(new[] { Notices.StrangerLeft, Notices.ConversationOver }), "the reported person is told only that the other left");
        });
    }

    [Test]
    public void InAThreePersonRoomTheOthersAreReportedByTheNamesTheReporterSaw()
    {
        var told = new Told();
        var alice = told.Join(ChatEntry.Three, origin: AliceOrigin);
        var bob = told.Join(ChatEntry.Three, origin: BobOrigin);
        var carol = told.Join(ChatEntry.Three, origin: CarolOrigin);
        var room = bob.Room!;

        var reported = told.After(room, room.Report(bob));

        Assert.That(reported, Is.EqualTo(new[] { new Reported("Alice", AliceOrigin), new Reported("Charlie", CarolOrigin) }));
        Assert.That(told.Texts(carol), Does.Contain(Notices.HasLeft("Bob").English));
        Assert.That(alice.IsGone || told.Released(alice), Is.False, "two are left: their conversation goes on");
    }

    [Test]
    public void InGlobalChatAReportNamesOnlyThoseWhoSpokeInTheMessagesItKeeps()
    {
        var told = new Told();
        var room = new GlobalRoom("global", told.Clock.GetUtcNow());
        var people = Enumerable.Range(1, 6).Select(i => told.Newcomer(ChatEntry.Global, origin: new Origin($"address:192.0.2.{i}"))).ToList();
        people.ForEach(room.Welcome);
        var (reporter, before, talker, commander) = (people[0], people[1], people[2], people[3]);
        room.Receive(before, "said long ago", PoliciesByMode.None);
        room.Receive(talker, "hello everyone", PoliciesByMode.None);
        room.Receive(commander, "/ping", PoliciesByMode.None);
        room.Receive(reporter, "please stop", PoliciesByMode.None);

        var everyMessage = room.Report(reporter);
        var onlyTheLast = room.Report(people[1], messagesSeen: 1);

        Assert.Multiple(() =>
        {
            Assert.That(everyMessage.Select(reported => reported.Origin), Is.EqualTo(new[] { before.Origin, talker.Origin }), "the silent and those who only typed a command are not named, nor the reporter");
            Assert.That(onlyTheLast, Is.Empty, "the one message a report holding a single message covers was sent by someone who has left");
        });
    }

    [Test]
    public void SomeoneWhoLeftReportsNobody()
    {
        var told = new Told();
        var alice = told.Join(ChatEntry.Three);
        var bob = told.Join(ChatEntry.Three);
        var carol = told.Join(ChatEntry.Three);
        var room = alice.Room!;
        room.Depart(alice);
        told.After(room);
        told.Drain(alice);
        told.Drain(bob);

        Assert.That(told.After(room, room.Report(alice)), Is.Empty, "a late report from someone who has left");
        Assert.That(told.Texts(alice).Concat(told.Texts(bob)), Is.Empty, "nobody is thanked or told anything");
        Assert.That(room.Members.Select(member => member.Person), Is.EqualTo(new[] { bob, carol }));
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
