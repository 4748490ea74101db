using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class QuestionMode
{
    [Test]
    public void AnAskerIsNotReadyUntilTheQuestionIsSubmitted()
    {
        var told = new Told();
        var asker = told.Join(ChatEntry.QuestionAsk);
        var first = told.Join(ChatEntry.QuestionDiscuss);
        var second = told.Join(ChatEntry.QuestionDiscuss);

        Assert.That(asker.Room, Is.Null);
        Assert.That(told.Texts(asker), Is.EqualTo(new[] { Notices.AskForQuestion }));
        Assert.That(told.Texts(first), Is.EqualTo(new[] { Notices.LookingForQuestion }));

        Assert.That(Submit(told, asker, " Cats or dogs? "), Is.EqualTo(SetupOutcome.Accepted));

        Assert.Multiple(() =>
        {
            Assert.That(asker.Room, Is.TypeOf<QuestionRoom>());
            Assert.That(first.Room, Is.SameAs(asker.Room));
            Assert.That(second.Room, Is.SameAs(asker.Room));
            Assert.That(told.Texts(asker), Is.EqualTo(new[] { "Your question: Cats or dogs?", Notices.LookingForDiscussers, Notices.FoundDiscussers }));
            Assert.That(told.Texts(first), Is.EqualTo(new[] { Notices.FoundDiscussionPartner, "Question: Cats or dogs?" }));
            Assert.That(told.Texts(second), Is.EqualTo(new[] { Notices.LookingForQuestion, Notices.FoundDiscussionPartner, "Question: Cats or dogs?" }));
        });
    }

    [Test]
    public void TheEarliestReadyAskerAndTheTwoEarliestDiscussersMeet()
    {
        var told = new Told();
        var slowAsker = told.Join(ChatEntry.QuestionAsk);
        var quickAsker = told.Join(ChatEntry.QuestionAsk);
        Submit(told, quickAsker, "Quick?");
        var first = told.Join(ChatEntry.QuestionDiscuss);
        var second = told.Join(ChatEntry.QuestionDiscuss);
        var third = told.Join(ChatEntry.QuestionDiscuss);

        Assert.That(quickAsker.Room!.Members.Select(member => member.Person), Is.EquivalentTo(new[] { quickAsker, first, second }));
        Assert.That(slowAsker.Room, Is.Null);
        Assert.That(third.Room, Is.Null);
    }

    [Test]
    public void DiscussersSeeYouAndStrangerAndTheAskerSeesAliceAndBob()
    {
        var (told, room, asker, first, second) = ARoom();

        told.After(room, room.Receive(first, "dogs", PoliciesByMode.None));
        told.After(room, room.Receive(second, "cats", PoliciesByMode.None));

        Assert.That(told.Texts(first), Is.EqualTo(new[] { "You: dogs", "Stranger: cats" }));
        Assert.That(told.Texts(second), Is.EqualTo(new[] { "Stranger: dogs", "You: cats" }));
        Assert.That(told.Texts(asker), Is.EqualTo(new[] { "Alice: dogs", "Bob: cats" }));
    }

    [Test]
    public void TheAskerCannotSpeakNorAskTwice()
    {
        var (told, _, asker, _, _) = ARoom();

        Assert.That(MessageText.Refusal(asker.Role, asker.Room is not null, "me too", MessageText.DefaultMaxLength, out _), Is.EqualTo(SendOutcome.Silenced));
        Assert.That(MessageText.QuestionFromARoom("Another?", MessageText.DefaultMaxLength), Is.EqualTo(SetupOutcome.NotAllowed));
        Assert.That(Submit(told, asker, "Another?"), Is.EqualTo(SetupOutcome.Departed), "the matchmaker no longer holds them");
    }

    [TestCase("", SetupOutcome.Empty)]
    [TestCase("  ", SetupOutcome.Empty)]
    public void AnEmptyQuestionIsRefusedAndTheAskerMayTryAgain(string question, SetupOutcome outcome)
    {
        var told = new Told();
        var asker = told.Join(ChatEntry.QuestionAsk);

        Assert.That(Submit(told, asker, question), Is.EqualTo(outcome));
        Assert.That(Submit(told, asker, new string('?', 501)), Is.EqualTo(SetupOutcome.TooLong));
        Assert.That(Submit(told, asker, "Fine?"), Is.EqualTo(SetupOutcome.Accepted));
    }

    [Test]
    public void ADiscusserCannotSetAQuestion()
    {
        var told = new Told();
        var discusser = told.Join(ChatEntry.QuestionDiscuss);

        Assert.That(Submit(told, discusser, "Mine?"), Is.EqualTo(SetupOutcome.NotAllowed));
    }

    [Test]
    public void WhenTheAskerLeavesTheDiscussersAreToldAndGoOn()
    {
        var (told, room, asker, first, second) = ARoom();

        room.Depart(asker);
        told.After(room);

        Assert.That(told.Texts(first), Is.EqualTo(new[] { Notices.AskerLeft }));
        Assert.That(told.Texts(second), Is.EqualTo(new[] { Notices.AskerLeft }));
        Assert.That(told.After(room, room.Receive(first, "still here", PoliciesByMode.None)), Is.EqualTo(SendOutcome.Relayed));
    }

    [Test]
    public void WhenADiscusserLeavesTheAskerSeesTheirNameAndTheOtherIsTold()
    {
        var (told, room, asker, first, second) = ARoom();

        room.Depart(first);
        told.After(room);

        Assert.That(told.Texts(asker), Is.EqualTo(new[] { "Alice has left." }));
        Assert.That(told.Texts(second), Is.EqualTo(new[] { Notices.StrangerLeft }));
    }

    [Test]
    public void ARoomLeftWithOnePersonIsOver()
    {
        var (told, room, asker, first, second) = ARoom();

        room.Depart(asker);
        room.Depart(first);
        told.After(room);

        Assert.That(told.Texts(second), Is.EqualTo(new[] { Notices.AskerLeft, Notices.StrangerLeft, Notices.EveryoneElseLeft }));
        Assert.That(new[] { asker, first, second }.Select(told.Released), Is.All.True);
        Assert.That(room.IsFinished, Is.True);
    }

    [Test]
    public void QuestionSendsNewcomersToTheShortSide()
    {
        var told = new Told();
        var discusser = told.Join(ChatEntry.QuestionDiscuss);
        Assert.That(told.Matchmaker.SuggestQuestionSide(), Is.EqualTo(QuestionSide.Ask), "one discusser waits: an asker is needed");

        told.Matchmaker.Leave(discusser.Id);
        told.Join(ChatEntry.QuestionAsk);
        Assert.That(told.Matchmaker.SuggestQuestionSide(), Is.EqualTo(QuestionSide.Discuss), "an asker waits: discussers are needed");

        told.Join(ChatEntry.QuestionDiscuss);
        told.Join(ChatEntry.QuestionDiscuss);
        Assert.That(told.Matchmaker.Question.Waiting, Has.Count.EqualTo(3), "the asker has not submitted a question");
    }

    [Test]
    public void ABalancedLobbyIsAFairCoin()
    {
        var matchmaker = new Told().Matchmaker;
        var sides = Enumerable.Range(0, 400).Select(_ => matchmaker.SuggestQuestionSide()).ToList();

        Assert.That(sides.Count(side => side == QuestionSide.Ask), Is.InRange(140, 260));
    }

    private static SetupOutcome Submit(Told told, Person asker, string question)
    {
        var outcome = told.Matchmaker.SubmitQuestion(asker.Id, question, out _, out var formed);
        told.Open(formed);
        return outcome;
    }

    private static (Told, Room, Person Asker, Person First, Person Second) ARoom()
    {
        var told = new Told();
        var asker = told.Join(ChatEntry.QuestionAsk);
        Submit(told, asker, "Cats or dogs?");
        var first = told.Join(ChatEntry.QuestionDiscuss);
        var second = told.Join(ChatEntry.QuestionDiscuss);
        told.Drain(asker);
        told.Drain(first);
        told.Drain(second);
        return (told, asker.Room!, asker, first, second);
    }
}
