using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Switchboards;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class TwoStrangers
{
    [Test]
    public void TheFirstTwoWaitingMeetAndAThirdWaits()
    {
        var switchboard = Switchboards.New();
        var first = switchboard.JoinOrFail(ChatEntry.Two);
        var second = switchboard.JoinOrFail(ChatEntry.Two);
        var third = switchboard.JoinOrFail(ChatEntry.Two);

        Assert.Multiple(() =>
        {
            Assert.That(first.Room, Is.TypeOf<TwoRoom>());
            Assert.That(second.Room, Is.SameAs(first.Room));
            Assert.That(third.Room, Is.Null);
            Assert.That(switchboard.Two.Waiting, Is.EqualTo(new[] { third }));
            Assert.That(first.DrainTexts(), Is.EqualTo(new[] { Notices.LookingForStranger, Notices.FoundStranger }));
            Assert.That(third.DrainTexts(), Is.EqualTo(new[] { Notices.LookingForStranger }));
        });
    }

    [Test]
    public void PairingIsEarliestFirstAfterSomeoneWaitingLeaves()
    {
        var switchboard = Switchboards.New();
        var leaver = switchboard.JoinOrFail(ChatEntry.Two);
        switchboard.Leave(leaver.Id);
        var second = switchboard.JoinOrFail(ChatEntry.Two);
        var third = switchboard.JoinOrFail(ChatEntry.Two);
        var fourth = switchboard.JoinOrFail(ChatEntry.Two);

        Assert.That(second.Room!.Members.Select(member => member.Person), Is.EqualTo(new[] { second, third }));
        Assert.That(fourth.Room, Is.Null);
    }

    [Test]
    public void EachSeesTheirOwnMessageAsYouAndThePartnersAsStranger()
    {
        var switchboard = Switchboards.New();
        var alice = switchboard.JoinOrFail(ChatEntry.Two);
        var bob = switchboard.JoinOrFail(ChatEntry.Two);
        alice.Drain();
        bob.Drain();

        Assert.That(switchboard.Send(alice.Id, "  hello  "), Is.EqualTo(SendOutcome.Relayed));

        Assert.That(alice.DrainTexts(), Is.EqualTo(new[] { "You: hello" }));
        Assert.That(bob.DrainTexts(), Is.EqualTo(new[] { "Stranger: hello" }));
    }

    [Test]
    public void LeavingTellsThePartnerAndEndsTheConversation()
    {
        var switchboard = Switchboards.New();
        var leaver = switchboard.JoinOrFail(ChatEntry.Two);
        var partner = switchboard.JoinOrFail(ChatEntry.Two);
        partner.Drain();

        Assert.That(switchboard.Leave(leaver.Id), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(partner.DrainTexts(), Is.EqualTo(new[] { Notices.StrangerLeft, Notices.ConversationOver }));
            Assert.That(partner.StreamEnded(), Is.True);
            Assert.That(switchboard.Count, Is.Zero);
            Assert.That(switchboard.Send(partner.Id, "anyone?"), Is.EqualTo(SendOutcome.Departed));
        });
    }

    [Test]
    public void LeavingTwiceHappensOnce()
    {
        var switchboard = Switchboards.New();
        var person = switchboard.JoinOrFail(ChatEntry.Two);

        Assert.That(switchboard.Leave(person.Id), Is.True);
        Assert.That(switchboard.Leave(person.Id), Is.False);
        Assert.That(switchboard.Two.Waiting, Is.Empty);
    }

    [Test]
    public void SendingBeforeARoomExistsWarnsOnce()
    {
        var switchboard = Switchboards.New();
        var person = switchboard.JoinOrFail(ChatEntry.Two);
        person.Drain();

        Assert.That(switchboard.Send(person.Id, "hi"), Is.EqualTo(SendOutcome.NotInRoomYet));
        Assert.That(switchboard.Send(person.Id, "hi again"), Is.EqualTo(SendOutcome.NotInRoomYet));

        Assert.That(person.DrainTexts(), Is.EqualTo(new[] { Notices.NotTalkingYet }));
    }

    [TestCase("", SendOutcome.Empty)]
    [TestCase("   ", SendOutcome.Empty)]
    [TestCase(null, SendOutcome.Empty)]
    public void EmptyMessagesAreRefused(string? text, SendOutcome outcome)
    {
        var switchboard = Switchboards.New();
        var person = switchboard.JoinOrFail(ChatEntry.Two);
        switchboard.JoinOrFail(ChatEntry.Two);

        Assert.That(switchboard.Send(person.Id, text), Is.EqualTo(outcome));
    }

    [Test]
    public void MessagesUpTo500CharactersPassAndLongerOnesAreRefused()
    {
        var switchboard = Switchboards.New();
        var person = switchboard.JoinOrFail(ChatEntry.Two);
        switchboard.JoinOrFail(ChatEntry.Two);

        Assert.That(switchboard.Send(person.Id, new string('a', 500)), Is.EqualTo(SendOutcome.Relayed));
        Assert.That(switchboard.Send(person.Id, " " + new string('a', 500) + " "), Is.EqualTo(SendOutcome.Relayed));
        Assert.That(switchboard.Send(person.Id, string.Concat(Enumerable.Repeat("😀", 500))), Is.EqualTo(SendOutcome.Relayed));
        Assert.That(switchboard.Send(person.Id, new string('a', 501)), Is.EqualTo(SendOutcome.TooLong));
    }

    [Test]
    public void AStalledReaderIsDisconnectedAndThePartnerTold()
    {
        var switchboard = Switchboards.New(mailboxCapacity: 8);
        var stalled = switchboard.JoinOrFail(ChatEntry.Two);
        var talker = switchboard.JoinOrFail(ChatEntry.Two);

        var talkerSaw = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            switchboard.Send(talker.Id, $"message {i}");
            talkerSaw.AddRange(talker.DrainTexts());
        }

        Assert.That(stalled.IsGone, Is.True);
        Assert.That(talkerSaw, Does.Contain(Notices.StrangerLeft));
        Assert.That(talker.IsGone, Is.True);
        Assert.That(switchboard.Count, Is.Zero);
    }

    [Test]
    public void StoppingTellsEveryoneAndEndsEveryStream()
    {
        var switchboard = Switchboards.New();
        var waiting = switchboard.JoinOrFail(ChatEntry.Three);
        var talking = switchboard.JoinOrFail(ChatEntry.Two);
        switchboard.JoinOrFail(ChatEntry.Two);

        switchboard.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(waiting.DrainTexts().Last(), Is.EqualTo(Notices.ServerStopping));
            Assert.That(talking.DrainTexts().Last(), Is.EqualTo(Notices.ServerStopping));
            Assert.That(waiting.StreamEnded() && talking.StreamEnded(), Is.True);
            Assert.That(switchboard.Count, Is.Zero);
            Assert.That(switchboard.Join(ChatEntry.Two), Is.Null);
        });
    }
}
