using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class GlobalChat
{
    [Test]
    public void NewcomersJoinTheOneRoomAndAreWelcomedWithTheCount()
    {
        var (told, room) = AGlobalRoom();
        var first = Welcome(told, room);
        var second = Welcome(told, room);

        Assert.That(second.Room, Is.SameAs(first.Room).And.SameAs(room));
        Assert.That(told.Texts(first), Is.EqualTo(new[] { Notices.Welcome(1).English, "Anonymous joined." }));
        Assert.That(told.Texts(second), Is.EqualTo(new[] { Notices.Welcome(2).English }));
        Assert.That(Notices.Welcome(2).English, Does.Contain("2 people"));
    }

    [Test]
    public void EveryoneIsAnonymousUntilTheyChooseANickname()
    {
        var (told, room, me, other) = TwoMembers();

        Send(told, room, me, "hello");
        Assert.That(told.Texts(me), Is.EqualTo(new[] { "Anonymous (You): hello" }));
        Assert.That(told.Texts(other), Is.EqualTo(new[] { "Anonymous: hello" }));

        Assert.That(Send(told, room, me, "/nick zed_1-x"), Is.EqualTo(SendOutcome.CommandAnswered));
        Send(told, room, me, "again");

        Assert.That(told.Texts(me), Is.EqualTo(new[] { "Anonymous (You): /nick zed_1-x", "You are now known as zed_1-x.", "zed_1-x (You): again" }));
        Assert.That(told.Texts(other), Is.EqualTo(new[] { "zed_1-x: again" }), "a command and its answer go to the author only");
    }

    [TestCase("/nick")]
    [TestCase("/nick has space")]
    [TestCase("/nick <b>")]
    [TestCase("/nick abcdefghijklmnopqrstuvwxy")]
    [TestCase("/nick émile")]
    public void BadNicknamesAreRefusedWithTheRule(string command)
    {
        var (told, room, me, _) = TwoMembers();

        Send(told, room, me, command);

        Assert.That(told.Texts(me).Last(), Is.EqualTo(Nickname.Rule));
        Assert.That(me.Nickname, Is.Null);
    }

    [Test]
    public void ATwentyFourCharacterNicknameIsFine()
    {
        var (told, room, me, _) = TwoMembers();

        Send(told, room, me, "/nick " + new string('n', 24));

        Assert.That(me.Nickname?.Value, Is.EqualTo(new string('n', 24)));
    }

    [TestCase("/ping", "Pong.")]
    [TestCase("/PING", "Pong.")]
    [TestCase("/help", Notices.Help)]
    [TestCase("/frobnicate now", "Unknown command /frobnicate. Type /help for the list.")]
    public void CommandsAreAnsweredToTheirAuthorOnly(string command, string answer)
    {
        var (told, room, me, other) = TwoMembers();

        Assert.That(Send(told, room, me, command), Is.EqualTo(SendOutcome.CommandAnswered));

        Assert.That(told.Texts(me), Is.EqualTo(new[] { $"Anonymous (You): {command}", answer }));
        Assert.That(told.Texts(other), Is.Empty);
    }

    [Test]
    public void OthersSeeJoinsAndLeavesByName()
    {
        var (told, room, me, other) = TwoMembers();
        Send(told, room, other, "/nick Zoe");
        told.Drain(other);

        room.Depart(other);
        told.After(room);

        Assert.That(told.Texts(me), Is.EqualTo(new[] { "Zoe left." }));
        Assert.That(told.Released(me), Is.False, "global chat goes on with one person");
        Assert.That(told.Released(other), Is.True);
        Assert.That(room.IsFinished, Is.False);
    }

    [Test]
    public void AnEmptyRoomIsFinishedAndTheNextRoomWelcomesItsFirstPersonAlone()
    {
        var (told, room) = AGlobalRoom();
        var first = Welcome(told, room);
        room.Depart(first);
        told.After(room);

        Assert.That(room.IsFinished, Is.True, "its owner forgets it");
        var next = Welcome(told, new GlobalRoom("global-2", told.Clock.GetUtcNow()));
        Assert.That(next.Room, Is.Not.SameAs(room));
        Assert.That(told.Texts(next), Is.EqualTo(new[] { Notices.Welcome(1).English }));
    }

    private static (Told, GlobalRoom) AGlobalRoom()
    {
        var told = new Told();
        return (told, new GlobalRoom("global", told.Clock.GetUtcNow()));
    }

    private static Person Welcome(Told told, GlobalRoom room)
    {
        var person = told.Newcomer(ChatEntry.Global);
        room.Welcome(person);
        told.After(room);
        return person;
    }

    private static SendOutcome Send(Told told, Room room, Person sender, string text) => told.After(room, room.Receive(sender, text, PoliciesByMode.None));

    private static (Told, GlobalRoom, Person Me, Person Other) TwoMembers()
    {
        var (told, room) = AGlobalRoom();
        var me = Welcome(told, room);
        var other = Welcome(told, room);
        told.Drain(me);
        told.Drain(other);
        return (told, room, me, other);
    }
}
