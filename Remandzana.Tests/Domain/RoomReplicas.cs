using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Replicas;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

/// <summary>
/// One instance's copy of the rooms its people are in: replaying the shared switchboard's events
/// tells its own people what one process would, and nobody else anything.
/// </summary>
[Category("Domain")]
public sealed class RoomReplicas
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private readonly List<Person> _overflowed = [];
    private SwitchboardReplica _replica = null!;

    [SetUp]
    public void NewReplica() => _replica = new SwitchboardReplica(8, _overflowed.Add);

    private static MemberCopy Talker(string id, string? nick = null) =>
        new(new PersonId(id), Role.Talker, nick is null ? null : Nick(nick));

    private static Nickname Nick(string text) => Nickname.TryCreate(text, out var nickname) ? nickname! : throw new ArgumentException(text);

    [Test]
    public void ThreeStrangersAreNamedByAdmissionWhereverTheOthersAreServed()
    {
        var bob = _replica.Add(new PersonId("b"), ChatEntry.Three, Now);
        _replica.Formed("room-1", Mode.Three, Now, null, [Talker("a"), Talker("b"), Talker("c")]);
        _replica.Relayed("room-1", new PersonId("c"), "hi");
        _replica.Relayed("room-1", new PersonId("b"), "hello");
        _replica.Left("room-1", new PersonId("a"), over: false);

        Assert.That(bob.DrainTexts(), Is.EqualTo(new[]
        {
            $"{Notices.FoundTwoStrangers} {Notices.YouAre("Bob")}",
            "Charlie: hi",
            "Bob (You): hello",
            Notices.HasLeft("Alice"),
        }));
    }

    [Test]
    public void WhenTheConversationIsOverTheLocalPeopleAreToldAndReleased()
    {
        var mine = _replica.Add(new PersonId("mine"), ChatEntry.Two, Now);
        _replica.Formed("room-1", Mode.Two, Now, null, [Talker("theirs"), Talker("mine")]);
        _replica.Left("room-1", new PersonId("theirs"), over: true);

        Assert.That(mine.DrainTexts(), Is.EqualTo(new[] { Notices.FoundStranger, Notices.StrangerLeft, Notices.ConversationOver }));
        Assert.That(mine.StreamEnded(), Is.True);
        Assert.That(_replica.Find(mine.Id), Is.Null);
        Assert.That(_replica.Count, Is.Zero);
    }

    [Test]
    public void AnInstanceWithNobodyInARoomKeepsNoCopyOfIt()
    {
        var waiting = _replica.Add(new PersonId("w"), ChatEntry.Two, Now);
        _replica.Formed("room-1", Mode.Two, Now, null, [Talker("x"), Talker("y")]);
        _replica.Relayed("room-1", new PersonId("x"), "not for you");

        Assert.That(waiting.Drain(), Is.Empty);
    }

    [Test]
    public void AGlobalNewcomerOnAnInstanceWithoutACopyIsWelcomedWithTheCount()
    {
        var newcomer = _replica.Add(new PersonId("n"), ChatEntry.Global, Now);
        _replica.Formed("room-1", Mode.Global, Now, null, [Talker("x", "xena"), Talker("y"), Talker("n")], newcomer: newcomer.Id);
        _replica.Relayed("room-1", new PersonId("x"), "hi");
        _replica.Joined("room-1", Talker("z"));
        _replica.Renamed("room-1", new PersonId("z"), Nick("zed"));
        _replica.Relayed("room-1", new PersonId("z"), "yo");

        Assert.That(newcomer.DrainTexts(), Is.EqualTo(new[] { Notices.Welcome(3), "xena: hi", Notices.Joined("Anonymous"), "zed: yo" }));
    }

    [Test]
    public void ACommandIsShownAsTypedThenAnsweredToItsAuthorOnly()
    {
        var author = _replica.Add(new PersonId("a"), ChatEntry.Global, Now);
        var other = _replica.Add(new PersonId("o"), ChatEntry.Global, Now);
        _replica.Formed("room-1", Mode.Global, Now, null, [Talker("a"), Talker("o")]);
        other.Drain();
        author.Drain();

        _replica.CommandAnswered("room-1", author.Id, "/nick ann", GlobalCommand.Parse("/nick ann"));
        _replica.Relayed("room-1", author.Id, "hello");

        Assert.That(author.DrainTexts(), Is.EqualTo(new[] { "Anonymous (You): /nick ann", Notices.NickChanged("ann"), "ann (You): hello" }));
        Assert.That(other.DrainTexts(), Is.EqualTo(new[] { "ann: hello" }));
    }

    [Test]
    public void ReleasingEveryoneGivesEachALastLineAndEndsEveryStream()
    {
        var first = _replica.Add(new PersonId("1"), ChatEntry.Two, Now);
        var second = _replica.Add(new PersonId("2"), ChatEntry.Global, Now);

        var released = _replica.ReleaseEveryone(NoticeKind.ServerStopping, Notices.ChatUnavailable);

        Assert.That(released, Is.EquivalentTo(new[] { first, second }));
        Assert.That(first.DrainTexts(), Is.EqualTo(new[] { Notices.ChatUnavailable }));
        Assert.That(second.DrainTexts(), Is.EqualTo(new[] { Notices.ChatUnavailable }));
        Assert.That(first.StreamEnded() && second.StreamEnded(), Is.True);
    }

    [Test]
    public void AFullMailboxIsReportedNotBlocked()
    {
        var slow = _replica.Add(new PersonId("s"), ChatEntry.Two, Now);
        _replica.Formed("room-1", Mode.Two, Now, null, [Talker("s"), Talker("t")]);
        for (var i = 0; i < 20; i++)
        {
            _replica.Relayed("room-1", new PersonId("t"), $"line {i}");
        }

        Assert.That(_overflowed, Is.Not.Empty.And.All.SameAs(slow));
    }

    [Test]
    public void GlobalCommandsAreParsedAsTheSpecSays()
    {
        Assert.Multiple(() =>
        {
            Assert.That(GlobalCommand.Parse("/HELP").Answer, Is.EqualTo(Notices.Help));
            Assert.That(GlobalCommand.Parse("/ping extra").Answer, Is.EqualTo(Notices.Pong));
            Assert.That(GlobalCommand.Parse("/nick  neo ").NewNickname?.Value, Is.EqualTo("neo"));
            Assert.That(GlobalCommand.Parse("/nick no spaces allowed").NewNickname, Is.Null);
            Assert.That(GlobalCommand.Parse("/nick no spaces allowed").Answer, Is.EqualTo(Nickname.Rule));
            Assert.That(GlobalCommand.Parse("/dance").Answer, Is.EqualTo(Notices.UnknownCommand("/dance")));
        });
    }
}
