using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Switchboards;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class GlobalChat
{
    [Test]
    public void NewcomersJoinTheOneRoomAndAreWelcomedWithTheCount()
    {
        var switchboard = Switchboards.New();
        var first = switchboard.JoinOrFail(ChatEntry.Global);
        var second = switchboard.JoinOrFail(ChatEntry.Global);

        Assert.That(second.Room, Is.SameAs(first.Room).And.TypeOf<GlobalRoom>());
        Assert.That(first.DrainTexts(), Is.EqualTo(new[] { Notices.Welcome(1).English, "Anonymous joined." }));
        Assert.That(second.DrainTexts(), Is.EqualTo(new[] { Notices.Welcome(2).English }));
        Assert.That(Notices.Welcome(2).English, Does.Contain("2 people"));
    }

    [Test]
    public void EveryoneIsAnonymousUntilTheyChooseANickname()
    {
        var (switchboard, me, other) = TwoMembers();

        switchboard.Send(me.Id, "hello");
        Assert.That(me.DrainTexts(), Is.EqualTo(new[] { "Anonymous (You): hello" }));
        Assert.That(other.DrainTexts(), Is.EqualTo(new[] { "Anonymous: hello" }));

        Assert.That(switchboard.Send(me.Id, "/nick zed_1-x"), Is.EqualTo(SendOutcome.CommandAnswered));
        switchboard.Send(me.Id, "again");

        Assert.That(me.DrainTexts(), Is.EqualTo(new[] { "Anonymous (You): /nick zed_1-x", "You are now known as zed_1-x.", "zed_1-x (You): again" }));
        Assert.That(other.DrainTexts(), Is.EqualTo(new[] { "zed_1-x: again" }), "a command and its answer go to the author only");
    }

    [TestCase("/nick")]
    [TestCase("/nick has space")]
    [TestCase("/nick <b>")]
    [TestCase("/nick abcdefghijklmnopqrstuvwxy")]
    [TestCase("/nick émile")]
    public void BadNicknamesAreRefusedWithTheRule(string command)
    {
        var (switchboard, me, _) = TwoMembers();

        switchboard.Send(me.Id, command);

        Assert.That(me.DrainTexts().Last(), Is.EqualTo(Nickname.Rule));
        Assert.That(me.Nickname, Is.Null);
    }

    [Test]
    public void ATwentyFourCharacterNicknameIsFine()
    {
        var (switchboard, me, _) = TwoMembers();

        switchboard.Send(me.Id, "/nick " + new string('n', 24));

        Assert.That(me.Nickname?.Value, Is.EqualTo(new string('n', 24)));
    }

    [TestCase("/ping", "Pong.")]
    [TestCase("/PING", "Pong.")]
    [TestCase("/help", Notices.Help)]
    [TestCase("/frobnicate now", "Unknown command /frobnicate. Type /help for the list.")]
    public void CommandsAreAnsweredToTheirAuthorOnly(string command, string answer)
    {
        var (switchboard, me, other) = TwoMembers();

        Assert.That(switchboard.Send(me.Id, command), Is.EqualTo(SendOutcome.CommandAnswered));

        Assert.That(me.DrainTexts(), Is.EqualTo(new[] { $"Anonymous (You): {command}", answer }));
        Assert.That(other.DrainTexts(), Is.Empty);
    }

    [Test]
    public void OthersSeeJoinsAndLeavesByName()
    {
        var (switchboard, me, other) = TwoMembers();
        switchboard.Send(other.Id, "/nick Zoe");
        other.Drain();

        switchboard.Leave(other.Id);

        Assert.That(me.DrainTexts(), Is.EqualTo(new[] { "Zoe left." }));
        Assert.That(me.StreamEnded(), Is.False, "global chat goes on with one person");
    }

    [Test]
    public void AnEmptyRoomIsForgottenAndTheNextPersonStartsANewOne()
    {
        var switchboard = Switchboards.New();
        var first = switchboard.JoinOrFail(ChatEntry.Global);
        var oldRoom = first.Room;
        switchboard.Leave(first.Id);

        Assert.That(switchboard.Global, Is.Null);
        var next = switchboard.JoinOrFail(ChatEntry.Global);
        Assert.That(next.Room, Is.Not.SameAs(oldRoom));
        Assert.That(next.DrainTexts(), Is.EqualTo(new[] { Notices.Welcome(1).English }));
    }

    private static (Switchboard, Person Me, Person Other) TwoMembers()
    {
        var switchboard = Switchboards.New();
        var me = switchboard.JoinOrFail(ChatEntry.Global);
        var other = switchboard.JoinOrFail(ChatEntry.Global);
        me.Drain();
        other.Drain();
        return (switchboard, me, other);
    }
}
