using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

/// <summary>A room goes on until its conversation is over; then it is finished and its owner forgets it (the debug view lists the others).</summary>
[Category("Domain")]
public sealed class OpenRooms
{
    [Test]
    public void ARoomFormsWithTheSecondPersonAndIsFinishedWhenItIsOver()
    {
        var told = new Told();
        var alice = told.Join(ChatEntry.Two);
        Assert.That(told.Rooms, Is.Empty, "nobody to talk to yet");

        var bob = told.Join(ChatEntry.Two);
        var room = told.Rooms.Single();
        Assert.That(alice.Room, Is.SameAs(room));
        Assert.That(room.IsFinished, Is.False);

        room.Depart(bob);
        Assert.That(room.IsFinished, Is.True);
    }

    [Test]
    public void AThreePersonRoomGoesOnUntilOnlyOneIsLeft()
    {
        var told = new Told();
        var people = Enumerable.Range(0, 3).Select(_ => told.Join(ChatEntry.Three)).ToList();
        var room = people[0].Room!;

        room.Depart(people[0]);
        Assert.That(room.IsFinished, Is.False);

        room.Depart(people[1]);
        Assert.That(room.IsFinished, Is.True);
    }

    [Test]
    public void TheGlobalRoomIsFinishedWhenItsLastMemberLeaves()
    {
        var told = new Told();
        var room = new GlobalRoom("global", told.Clock.GetUtcNow());
        var first = told.Newcomer(ChatEntry.Global);
        var second = told.Newcomer(ChatEntry.Global);
        room.Welcome(first);
        room.Welcome(second);

        room.Depart(first);
        Assert.That(room.IsFinished, Is.False, "one person is enough for global chat");

        room.Depart(second);
        Assert.That(room.IsFinished, Is.True);
    }
}
