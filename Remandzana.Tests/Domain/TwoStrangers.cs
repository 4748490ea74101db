using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class TwoStrangers
{
    [Test]
    public void TheFirstTwoWaitingMeetAndAThirdWaits()
    {
        var told = new Told();
        var first = told.Join(ChatEntry.Two);
        var second = told.Join(ChatEntry.Two);
        var third = told.Join(ChatEntry.Two);

        Assert.Multiple(() =>
        {
            Assert.That(first.Room, Is.TypeOf<TwoRoom>());
            Assert.That(second.Room, Is.SameAs(first.Room));
            Assert.That(third.Room, Is.Null);
            Assert.That(told.Matchmaker.Two.Waiting, Is.EqualTo(new[] { third }));
            Assert.That(told.Texts(first), Is.EqualTo(new[] { Notices.LookingForStranger, Notices.FoundStranger }));
            Assert.That(told.Texts(third), Is.EqualTo(new[] { Notices.LookingForStranger }));
        });
    }

    [Test]
    public void PairingIsEarliestFirstAfterSomeoneWaitingLeaves()
    {
        var told = new Told();
        var leaver = told.Join(ChatEntry.Two);
        told.Matchmaker.Leave(leaver.Id);
        var second = told.Join(ChatEntry.Two);
        var third = told.Join(ChatEntry.Two);
        var fourth = told.Join(ChatEntry.Two);

        Assert.That(second.Room!.Members.Select(member => member.Person), Is.EqualTo(new[] { second, third }));
        Assert.That(fourth.Room, Is.Null);
        Assert.That(leaver.IsGone, Is.True);
    }

    [Test]
    public void EachSeesTheirOwnMessageAsYouAndThePartnersAsStranger()
    {
        var (told, room, alice, bob) = APair();

        Assert.That(MessageText.Refusal(alice.Role, alice.Room is not null, "  hello  ", MessageText.DefaultMaxLength, out var text), Is.Null);
        Assert.That(told.After(room, room.Receive(alice, text, PoliciesByMode.None)), Is.EqualTo(SendOutcome.Relayed));

        Assert.That(told.Texts(alice), Is.EqualTo(new[] { "You: hello" }));
        Assert.That(told.Texts(bob), Is.EqualTo(new[] { "Stranger: hello" }));
    }

    [Test]
    public void LeavingTellsThePartnerAndEndsTheConversation()
    {
        var (told, room, leaver, partner) = APair();

        room.Depart(leaver);
        told.After(room);

        Assert.Multiple(() =>
        {
            Assert.That(told.Texts(partner), Is.EqualTo(new[] { Notices.StrangerLeft, Notices.ConversationOver }));
            Assert.That(told.Texts(leaver), Is.Empty);
            Assert.That(told.Released(leaver) && told.Released(partner), Is.True, "both streams end");
            Assert.That(partner.IsGone, Is.True);
            Assert.That(room.IsFinished, Is.True);
            Assert.That(told.After(room, room.Receive(leaver, "anyone?", PoliciesByMode.None)), Is.EqualTo(SendOutcome.Departed));
            Assert.That(told.Texts(partner), Is.Empty, "nothing from the one who left");
        });
    }

    [Test]
    public void LeavingTwiceHappensOnce()
    {
        var told = new Told();
        var person = told.Join(ChatEntry.Two);

        Assert.That(told.Matchmaker.Leave(person.Id), Is.True);
        Assert.That(told.Matchmaker.Leave(person.Id), Is.False);
        Assert.That(told.Matchmaker.Two.Waiting, Is.Empty);
    }

    [TestCase("", SendOutcome.Empty)]
    [TestCase("   ", SendOutcome.Empty)]
    [TestCase(null, SendOutcome.Empty)]
    public void EmptyMessagesAreRefused(string? text, SendOutcome outcome)
    {
        Assert.That(MessageText.Refusal(Role.Talker, isInRoom: true, text, MessageText.DefaultMaxLength, out _), Is.EqualTo(outcome));
        Assert.That(MessageText.Refusal(Role.Talker, isInRoom: false, text, MessageText.DefaultMaxLength, out _), Is.EqualTo(outcome), "before a room too: the text's own problem comes first");
    }

    [Test]
    public void SendingBeforeARoomExistsReachesNobody()
    {
        var told = new Told();
        var person = told.Join(ChatEntry.Two);

        Assert.That(MessageText.Refusal(person.Role, person.Room is not null, "hi", MessageText.DefaultMaxLength, out _), Is.EqualTo(SendOutcome.NotInRoomYet), "warned once by their session, not by the matchmaker");
    }

    [Test]
    public void MessagesUpTo500CharactersPassAndLongerOnesAreRefused()
    {
        var (told, room, person, partner) = APair();

        foreach (var raw in new[] { new string('a', 500), " " + new string('a', 500) + " ", string.Concat(Enumerable.Repeat("😀", 500)) })
        {
            Assert.That(MessageText.Refusal(person.Role, person.Room is not null, raw, MessageText.DefaultMaxLength, out var text), Is.Null, raw);
            Assert.That(told.After(room, room.Receive(person, text, PoliciesByMode.None)), Is.EqualTo(SendOutcome.Relayed));
        }

        Assert.That(MessageText.Refusal(person.Role, person.Room is not null, new string('a', 501), MessageText.DefaultMaxLength, out _), Is.EqualTo(SendOutcome.TooLong));
        Assert.That(told.Texts(partner), Has.Count.EqualTo(3));
    }

    private static (Told, Room, Person Alice, Person Bob) APair()
    {
        var told = new Told();
        var alice = told.Join(ChatEntry.Two);
        var bob = told.Join(ChatEntry.Two);
        told.Drain(alice);
        told.Drain(bob);
        return (told, alice.Room!, alice, bob);
    }
}
