using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Switchboards;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class QuestionMode
{
    [Test]
    public void AnAskerIsNotReadyUntilTheQuestionIsSubmitted()
    {
        var switchboard = Switchboards.New();
        var asker = switchboard.JoinOrFail(ChatEntry.QuestionAsk);
        var first = switchboard.JoinOrFail(ChatEntry.QuestionDiscuss);
        var second = switchboard.JoinOrFail(ChatEntry.QuestionDiscuss);

        Assert.That(asker.Room, Is.Null);
        Assert.That(asker.DrainTexts(), Is.EqualTo(new[] { Notices.AskForQuestion }));
        Assert.That(first.DrainTexts(), Is.EqualTo(new[] { Notices.LookingForQuestion }));

        Assert.That(switchboard.SubmitQuestion(asker.Id, " Cats or dogs? "), Is.EqualTo(SetupOutcome.Accepted));

        Assert.Multiple(() =>
        {
            Assert.That(asker.Room, Is.TypeOf<QuestionRoom>());
            Assert.That(first.Room, Is.SameAs(asker.Room));
            Assert.That(second.Room, Is.SameAs(asker.Room));
            Assert.That(asker.DrainTexts(), Is.EqualTo(new[] { "Your question: Cats or dogs?", Notices.LookingForDiscussers, Notices.FoundDiscussers }));
            Assert.That(first.DrainTexts(), Is.EqualTo(new[] { Notices.FoundDiscussionPartner, "Question: Cats or dogs?" }));
            Assert.That(second.DrainTexts(), Is.EqualTo(new[] { Notices.LookingForQuestion, Notices.FoundDiscussionPartner, "Question: Cats or dogs?" }));
        });
    }

    [Test]
    public void TheEarliestReadyAskerAndTheTwoEarliestDiscussersMeet()
    {
        var switchboard = Switchboards.New();
        var slowAsker = switchboard.JoinOrFail(ChatEntry.QuestionAsk);
        var quickAsker = switchboard.JoinOrFail(ChatEntry.QuestionAsk);
        switchboard.SubmitQuestion(quickAsker.Id, "Quick?");
        var first = switchboard.JoinOrFail(ChatEntry.QuestionDiscuss);
        var second = switchboard.JoinOrFail(ChatEntry.QuestionDiscuss);
        var third = switchboard.JoinOrFail(ChatEntry.QuestionDiscuss);

        Assert.That(quickAsker.Room!.Members.Select(member => member.Person), Is.EquivalentTo(new[] { quickAsker, first, second }));
        Assert.That(slowAsker.Room, Is.Null);
        Assert.That(third.Room, Is.Null);
    }

    [Test]
    public void DiscussersSeeYouAndStrangerAndTheAskerSeesAliceAndBob()
    {
        var (switchboard, asker, first, second) = ARoom();

        switchboard.Send(first.Id, "dogs");
        switchboard.Send(second.Id, "cats");

        Assert.That(first.DrainTexts(), Is.EqualTo(new[] { "You: dogs", "Stranger: cats" }));
        Assert.That(second.DrainTexts(), Is.EqualTo(new[] { "Stranger: dogs", "You: cats" }));
        Assert.That(asker.DrainTexts(), Is.EqualTo(new[] { "Alice: dogs", "Bob: cats" }));
    }

    [Test]
    public void TheAskerCannotSpeakNorAskTwice()
    {
        var (switchboard, asker, _, _) = ARoom();

        Assert.That(switchboard.Send(asker.Id, "me too"), Is.EqualTo(SendOutcome.Silenced));
        Assert.That(switchboard.SubmitQuestion(asker.Id, "Another?"), Is.EqualTo(SetupOutcome.NotAllowed));
        Assert.That(asker.IsSilenced, Is.True);
    }

    [TestCase("", SetupOutcome.Empty)]
    [TestCase("  ", SetupOutcome.Empty)]
    public void AnEmptyQuestionIsRefusedAndTheAskerMayTryAgain(string question, SetupOutcome outcome)
    {
        var switchboard = Switchboards.New();
        var asker = switchboard.JoinOrFail(ChatEntry.QuestionAsk);

        Assert.That(switchboard.SubmitQuestion(asker.Id, question), Is.EqualTo(outcome));
        Assert.That(switchboard.SubmitQuestion(asker.Id, new string('?', 501)), Is.EqualTo(SetupOutcome.TooLong));
        Assert.That(switchboard.SubmitQuestion(asker.Id, "Fine?"), Is.EqualTo(SetupOutcome.Accepted));
    }

    [Test]
    public void ADiscusserCannotSetAQuestion()
    {
        var switchboard = Switchboards.New();
        var discusser = switchboard.JoinOrFail(ChatEntry.QuestionDiscuss);

        Assert.That(switchboard.SubmitQuestion(discusser.Id, "Mine?"), Is.EqualTo(SetupOutcome.NotAllowed));
    }

    [Test]
    public void WhenTheAskerLeavesTheDiscussersAreToldAndGoOn()
    {
        var (switchboard, asker, first, second) = ARoom();

        switchboard.Leave(asker.Id);

        Assert.That(first.DrainTexts(), Is.EqualTo(new[] { Notices.AskerLeft }));
        Assert.That(second.DrainTexts(), Is.EqualTo(new[] { Notices.AskerLeft }));
        Assert.That(switchboard.Send(first.Id, "still here"), Is.EqualTo(SendOutcome.Relayed));
    }

    [Test]
    public void WhenADiscusserLeavesTheAskerSeesTheirNameAndTheOtherIsTold()
    {
        var (switchboard, asker, first, second) = ARoom();

        switchboard.Leave(first.Id);

        Assert.That(asker.DrainTexts(), Is.EqualTo(new[] { "Alice has left." }));
        Assert.That(second.DrainTexts(), Is.EqualTo(new[] { Notices.StrangerLeft }));
    }

    [Test]
    public void ARoomLeftWithOnePersonIsOver()
    {
        var (switchboard, asker, first, second) = ARoom();

        switchboard.Leave(asker.Id);
        switchboard.Leave(first.Id);

        Assert.That(second.DrainTexts(), Is.EqualTo(new[] { Notices.AskerLeft, Notices.StrangerLeft, Notices.EveryoneElseLeft }));
        Assert.That(second.StreamEnded(), Is.True);
        Assert.That(switchboard.Count, Is.Zero);
    }

    [Test]
    public void QuestionSendsNewcomersToTheShortSide()
    {
        var switchboard = Switchboards.New();
        var discusser = switchboard.JoinOrFail(ChatEntry.QuestionDiscuss);
        Assert.That(switchboard.SuggestQuestionSide(), Is.EqualTo(QuestionSide.Ask), "one discusser waits: an asker is needed");

        switchboard.Leave(discusser.Id);
        switchboard.JoinOrFail(ChatEntry.QuestionAsk);
        Assert.That(switchboard.SuggestQuestionSide(), Is.EqualTo(QuestionSide.Discuss), "an asker waits: discussers are needed");

        switchboard.JoinOrFail(ChatEntry.QuestionDiscuss);
        switchboard.JoinOrFail(ChatEntry.QuestionDiscuss);
        Assert.That(switchboard.Question.Waiting, Has.Count.EqualTo(3), "the asker has not submitted a question");
    }

    [Test]
    public void ABalancedLobbyIsAFairCoin()
    {
        var switchboard = Switchboards.New();
        var sides = Enumerable.Range(0, 400).Select(_ => switchboard.SuggestQuestionSide()).ToList();

        Assert.That(sides.Count(side => side == QuestionSide.Ask), Is.InRange(140, 260));
    }

    private static (Switchboard, Person Asker, Person First, Person Second) ARoom()
    {
        var switchboard = Switchboards.New();
        var asker = switchboard.JoinOrFail(ChatEntry.QuestionAsk);
        switchboard.SubmitQuestion(asker.Id, "Cats or dogs?");
        var first = switchboard.JoinOrFail(ChatEntry.QuestionDiscuss);
        var second = switchboard.JoinOrFail(ChatEntry.QuestionDiscuss);
        asker.Drain();
        first.Drain();
        second.Drain();
        return (switchboard, asker, first, second);
    }
}
