using Remandzana.Domain.People;
using Remandzana.Domain.Switchboards;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

/// <summary>The switchboard lists every room whose conversation goes on, for the debug view.</summary>
[Category("Domain")]
public sealed class OpenRooms
{
    [Test]
    public void ARoomIsListedWhenItFormsAndForgottenWhenItIsOver()
    {
        var switchboard = Switchboards.New();
        var alice = switchboard.JoinOrFail(ChatEntry.Two);
        Assert.That(Rooms(switchboard), Is.Empty, "nobody to talk to yet");

        var bob = switchboard.JoinOrFail(ChatEntry.Two);
        Assert.That(Rooms(switchboard), Is.EqualTo(new[] { alice.Room }));

        switchboard.Leave(bob.Id);
        Assert.That(Rooms(switchboard), Is.Empty);
    }

    [Test]
    public void AThreePersonRoomStaysListedUntilOnlyOneIsLeft()
    {
        var switchboard = Switchboards.New();
        var people = Enumerable.Range(0, 3).Select(_ => switchboard.JoinOrFail(ChatEntry.Three)).ToList();
        var room = people[0].Room;

        switchboard.Leave(people[0].Id);
        Assert.That(Rooms(switchboard), Is.EqualTo(new[] { room }));

        switchboard.Leave(people[1].Id);
        Assert.That(Rooms(switchboard), Is.Empty);
    }

    [Test]
    public void RoomsOfEveryModeAreListedInTheOrderTheyFormed()
    {
        var switchboard = Switchboards.New();
        var global = switchboard.JoinOrFail(ChatEntry.Global);
        var two = switchboard.JoinOrFail(ChatEntry.Two);
        switchboard.JoinOrFail(ChatEntry.Two);
        var asker = switchboard.JoinOrFail(ChatEntry.QuestionAsk);
        switchboard.JoinOrFail(ChatEntry.QuestionDiscuss);
        switchboard.JoinOrFail(ChatEntry.QuestionDiscuss);
        switchboard.SubmitQuestion(asker.Id, "why?");

        Assert.That(Rooms(switchboard), Is.EquivalentTo(new[] { global.Room, two.Room, asker.Room }));
    }

    [Test]
    public void TheGlobalRoomIsForgottenWhenItsLastMemberLeaves()
    {
        var switchboard = Switchboards.New();
        var first = switchboard.JoinOrFail(ChatEntry.Global);
        var second = switchboard.JoinOrFail(ChatEntry.Global);
        switchboard.Leave(first.Id);
        Assert.That(Rooms(switchboard), Is.EqualTo(new[] { second.Room }));

        switchboard.Leave(second.Id);
        Assert.That(Rooms(switchboard), Is.Empty);
    }

    [Test]
    public void StoppingForgetsEveryRoom()
    {
        var switchboard = Switchboards.New();
        switchboard.JoinOrFail(ChatEntry.Two);
        switchboard.JoinOrFail(ChatEntry.Two);
        switchboard.JoinOrFail(ChatEntry.Global);

        switchboard.Stop();

        Assert.That(Rooms(switchboard), Is.Empty);
    }

    private static List<object?> Rooms(Switchboard switchboard) => switchboard.Inspect(board => board.Rooms.Cast<object?>().ToList());
}
