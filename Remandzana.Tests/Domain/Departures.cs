using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

/// <summary>Leaving a room, as a room's grain drives it: what each member is told, and when nothing more is said.</summary>
[Category("Domain")]
public sealed class Departures
{
    [Test]
    public void WhenOneOfTwoLeavesBothAreReleasedAndLaterDeparturesSayNothing()
    {
        var told = new Told();
        var alice = told.Newcomer(ChatEntry.Two);
        var bob = told.Newcomer(ChatEntry.Two);
        var room = told.After(new Formation(Mode.Two, [alice, bob]).Open("room", told.Clock.GetUtcNow()));

        room.Depart(alice);
        var departure = room.TakeEffects();
        told.Take(departure);
        var bobSaw = told.Texts(bob);

        room.Depart(bob);
        room.Depart(alice);
        Assert.Multiple(() =>
        {
            Assert.That(departure.Released, Is.EqualTo(new[] { alice.Id, bob.Id }), "the conversation is over for Bob too, the departed first");
            Assert.That(room.TakeEffects().IsEmpty, Is.True, "Bob was released already, and Alice left already: nothing more is said");
            Assert.That(bobSaw, Is.EqualTo(new[] { Notices.FoundStranger, Notices.StrangerLeft, Notices.ConversationOver }));
            Assert.That(told.Texts(alice), Is.EqualTo(new[] { Notices.FoundStranger }));
            Assert.That(room.IsFinished, Is.True);
        });
    }

    [Test]
    public void SomeoneTheConversationReleasedCanNeitherSpeakNorReportInIt()
    {
        var told = new Told();
        var alice = told.Newcomer(ChatEntry.Two);
        var bob = told.Newcomer(ChatEntry.Two);
        var room = told.After(new Formation(Mode.Two, [alice, bob]).Open("room", told.Clock.GetUtcNow()));
        room.Depart(alice);
        room.TakeEffects();

        Assert.Multiple(() =>
        {
            Assert.That(room.Receive(bob, "still there?", Remandzana.Domain.Moderation.PoliciesByMode.None), Is.EqualTo(Remandzana.Domain.Messages.SendOutcome.Departed));
            Assert.That(room.Report(bob), Is.Empty);
            Assert.That(room.TakeEffects().IsEmpty, Is.True, "nobody is told anything, Bob included");
        });
    }
}
