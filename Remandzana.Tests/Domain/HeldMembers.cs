using Remandzana.Domain.Lines;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

/// <summary>A member whose stream dropped is held in the room until they come back or their owner lets them go (issue 25).</summary>
[Category("Domain")]
public sealed class HeldMembers
{
    [Test]
    public void ADroppedStrangerIsWaitedForKeepsReceivingLinesAndComesBack()
    {
        var told = new Told();
        var alice = told.Newcomer(ChatEntry.Two);
        var bob = told.Newcomer(ChatEntry.Two);
        var room = told.After(new Formation(Mode.Two, [alice, bob]).Open("room", told.Clock.GetUtcNow()));
        told.Texts(alice);
        told.Texts(bob);

        Assert.That(room.Drop(alice, 30), Is.True);
        Assert.That(room.Drop(alice, 30), Is.False, "held once");
        room.Receive(bob, "still there?", PoliciesByMode.None);
        told.Take(room.TakeEffects());
        Assert.Multiple(() =>
        {
            Assert.That(room.IsHeld(alice), Is.True);
            Assert.That(room.IsFinished, Is.False, "a held member is still a member");
            Assert.That(told.Texts(bob), Is.EqualTo(new[] { "Stranger's connection dropped — waiting up to 30 s.", "You: still there?" }));
            Assert.That(told.Texts(alice), Is.EqualTo(new[] { "Stranger: still there?" }), "their lines keep coming, to wait where their stream was");
        });

        Assert.That(room.ComeBack(alice), Is.True);
        told.Take(room.TakeEffects());
        Assert.Multiple(() =>
        {
            Assert.That(room.IsHeld(alice), Is.False);
            Assert.That(told.Texts(bob), Is.EqualTo(new[] { Notices.StrangerIsBack }));
            Assert.That(told.Texts(alice), Is.EqualTo(new[] { Notices.YouAreBack }));
        });
    }

    [Test]
    public void WhenTheWaitRunsOutTheHeldMemberLeavesAsAnyoneDoes()
    {
        var told = new Told();
        var alice = told.Newcomer(ChatEntry.Two);
        var bob = told.Newcomer(ChatEntry.Two);
        var room = told.After(new Formation(Mode.Two, [alice, bob]).Open("room", told.Clock.GetUtcNow()));
        room.Drop(alice, 30);
        told.Take(room.TakeEffects());
        told.Texts(bob);

        room.Depart(alice);
        var effects = room.TakeEffects();
        told.Take(effects);
        Assert.Multiple(() =>
        {
            Assert.That(told.Texts(bob), Is.EqualTo(new[] { Notices.StrangerLeft, Notices.ConversationOver }));
            Assert.That(effects.Released, Is.EqualTo(new[] { alice.Id, bob.Id }));
            Assert.That(room.ComeBack(alice), Is.False, "too late");
        });
    }

    [Test]
    public void ATakeoverTellsOnlyTheOneWhoCameBack()
    {
        var told = new Told();
        var alice = told.Newcomer(ChatEntry.Two);
        var bob = told.Newcomer(ChatEntry.Two);
        var room = told.After(new Formation(Mode.Two, [alice, bob]).Open("room", told.Clock.GetUtcNow()));
        told.Texts(alice);
        told.Texts(bob);

        Assert.That(room.ComeBack(alice), Is.True);
        told.Take(room.TakeEffects());
        Assert.That(told.Texts(bob), Is.Empty);
        Assert.That(told.Texts(alice), Is.EqualTo(new[] { Notices.YouAreBack }));
    }

    [Test]
    public void ThreeStrangersReadTheNameOfWhoDroppedAndGlobalChatSaysNothing()
    {
        var told = new Told();
        var alice = told.Newcomer(ChatEntry.Three);
        var bob = told.Newcomer(ChatEntry.Three);
        var charlie = told.Newcomer(ChatEntry.Three);
        var three = told.After(new Formation(Mode.Three, [alice, bob, charlie]).Open("three", told.Clock.GetUtcNow()));
        told.Texts(charlie);
        three.Drop(alice, 20);
        three.ComeBack(alice);
        told.Take(three.TakeEffects());
        Assert.That(told.Texts(charlie), Is.EqualTo(new[] { "Alice's connection dropped — waiting up to 20 s.", "Alice is back." }));

        var global = new GlobalRoom("global", told.Clock.GetUtcNow());
        var first = told.Newcomer(ChatEntry.Global);
        var second = told.Newcomer(ChatEntry.Global);
        global.Welcome(first);
        global.Welcome(second);
        told.Take(global.TakeEffects());
        told.Texts(second);
        Assert.That(global.Drop(first, 30), Is.True);
        global.ComeBack(first);
        told.Take(global.TakeEffects());
        Assert.That(told.Texts(second), Is.Empty, "in global chat a drop and a return are silent");
        Assert.That(global.Receive(second, "hi", PoliciesByMode.None), Is.EqualTo(SendOutcome.Relayed));
    }
}
