using Orleans;
using Orleans.Runtime;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Reports;
using Remandzana.Web.Sessions;

namespace Remandzana.Tests.Contract;

/// <summary>
/// What every switchboard promises the web layer, run against one silo alone and against three
/// silos on Orleans' in-process test cluster. People join on different instances and send from
/// yet another, as behind a round-robin proxy; alone, every "instance" is the one switchboard.
/// </summary>
[Category("Contract")]
[TestFixture("alone")]
[TestFixture("three silos")]
[NonParallelizable]
public sealed class SwitchboardContract(string silos)
{
    private const string Link = "see https://example.com";

    private static readonly PoliciesByMode Policies = new(new Dictionary<Mode, IReadOnlyList<Policy>>
    {
        [Mode.Two] = [new BlockUrls(new Ladder(1, Consequence.Kick))],
        [Mode.Question] = [new BlockUrls(new Ladder(1, Consequence.Kick))],
    });

    private SwitchboardCluster _cluster = null!;

    [SetUp]
    public async Task NewCluster() =>
        _cluster = silos == "alone" ? await SwitchboardCluster.Alone(Policies) : await SwitchboardCluster.InProcess(3, Policies);

    [TearDown]
    public async Task DisposeCluster() => await _cluster.DisposeAsync();

    private async Task<Session> Join(int instance, ChatEntry entry, Preferences? preferences = null) =>
        await _cluster[instance].Join(entry, preferences) ?? throw new AssertionException("The switchboard refused a join.");

    [Test]
    public async Task TwoStrangersOnDifferentInstancesMeetAndChat()
    {
        var a = await Join(0, ChatEntry.Two);
        var b = await Join(1, ChatEntry.Two);

        Assert.That(await a.Next(2), Is.EqualTo(new[] { Notices.LookingForStranger, Notices.FoundStranger }));
        Assert.That(await b.Next(2), Is.EqualTo(new[] { Notices.LookingForStranger, Notices.FoundStranger }));

        Assert.That((await _cluster[2].Send(a.Id, "hello")).Outcome, Is.EqualTo(SendOutcome.Relayed), "sent through a third instance");
        Assert.That((await _cluster[0].Send(b.Id, "hi <b>you</b>")).Outcome, Is.EqualTo(SendOutcome.Relayed));
        Assert.That(await a.Next(2), Is.EqualTo(new[] { "You: hello", "Stranger: hi <b>you</b>" }));
        Assert.That(await b.Next(2), Is.EqualTo(new[] { "Stranger: hello", "You: hi <b>you</b>" }));

        await _cluster[0].Leave(a.Id);
        Assert.That(await b.UntilEnded(), Is.EqualTo(new[] { Notices.StrangerLeft, Notices.ConversationOver }));
        Assert.That(await a.UntilEnded(), Is.Empty);
        Assert.That((await _cluster[1].Send(a.Id, "still there?")).Outcome, Is.EqualTo(SendOutcome.Departed));
        Assert.That((await _cluster[1].Send(b.Id, "still there?")).Outcome, Is.EqualTo(SendOutcome.Departed), "the conversation is over for the partner too");
    }

    [Test]
    public async Task AThirdPersonWaitsAndTheDebugViewShowsEveryInstance()
    {
        var a = await Join(0, ChatEntry.Two);
        var b = await Join(1, ChatEntry.Two);
        var c = await Join(2, ChatEntry.Two);
        await a.Next(2);
        await b.Next(2);

        Assert.That(await c.Next(), Is.EqualTo(Notices.LookingForStranger));
        var snapshot = await _cluster[1].Snapshot();
        Assert.Multiple(() =>
        {
            Assert.That(snapshot.People.Select(person => person.Id), Is.EquivalentTo(new[] { a.Id.Value, b.Id.Value, c.Id.Value }));
            Assert.That(snapshot.Rooms.Single().Members.Select(member => member.Id), Is.EqualTo(new[] { a.Id.Value, b.Id.Value }));
            Assert.That(snapshot.Lobbies.Single(lobby => lobby.Mode == "Two").Waiting, Is.EqualTo(new[] { c.Id.Value }));
            Assert.That(snapshot.People.Single(person => person.Id == c.Id.Value).Lobbies, Is.EqualTo(new[] { "Two" }));
        });
    }

    [Test]
    public async Task ThreeStrangersAreAliceBobAndCharlieUntilOneIsLeft()
    {
        var people = new[] { await Join(0, ChatEntry.Three), await Join(1, ChatEntry.Three), await Join(2, ChatEntry.Three) };
        string[] names = ["Alice", "Bob", "Charlie"];
        for (var i = 0; i < 3; i++)
        {
            Assert.That(await people[i].Until($"{Notices.FoundTwoStrangers} {Notices.YouAre(names[i]).English}"), Has.Count.GreaterThanOrEqualTo(2));
        }

        await _cluster[0].Send(people[1].Id, "hey");
        Assert.That(await people[0].Next(), Is.EqualTo("Bob: hey"));
        Assert.That(await people[1].Next(), Is.EqualTo("Bob (You): hey"));
        Assert.That(await people[2].Next(), Is.EqualTo("Bob: hey"));

        await _cluster[2].Leave(people[2].Id);
        Assert.That(await people[0].Next(), Is.EqualTo(Notices.HasLeft("Charlie").English));
        Assert.That(await people[1].Next(), Is.EqualTo(Notices.HasLeft("Charlie").English));

        await _cluster[1].Leave(people[1].Id);
        Assert.That(await people[0].UntilEnded(), Is.EqualTo(new[] { Notices.HasLeft("Bob").English, Notices.EveryoneElseLeft }));
    }

    [Test]
    public async Task TheAskerOnOneInstanceWatchesDiscussersOnOthers()
    {
        var asker = await Join(0, ChatEntry.QuestionAsk);
        var first = await Join(1, ChatEntry.QuestionDiscuss);
        var second = await Join(2, ChatEntry.QuestionDiscuss);
        Assert.That(await asker.Next(), Is.EqualTo(Notices.AskForQuestion));
        Assert.That(await first.Next(), Is.EqualTo(Notices.LookingForQuestion));

        Assert.That((await _cluster[2].SubmitQuestion(asker.Id, "Cats or dogs?")).Outcome, Is.EqualTo(SetupOutcome.Accepted));
        Assert.That(await asker.Next(3), Is.EqualTo(new[] { Notices.YourQuestion("Cats or dogs?").English, Notices.LookingForDiscussers, Notices.FoundDiscussers }));
        Assert.That(await first.Next(2), Is.EqualTo(new[] { Notices.FoundDiscussionPartner, Notices.QuestionIs("Cats or dogs?").English }));
        Assert.That(await second.Next(3), Is.EqualTo(new[] { Notices.LookingForQuestion, Notices.FoundDiscussionPartner, Notices.QuestionIs("Cats or dogs?").English }));

        await _cluster[0].Send(second.Id, "dogs");
        Assert.That(await asker.Next(), Is.EqualTo("Bob: dogs"));
        Assert.That(await first.Next(), Is.EqualTo("Stranger: dogs"));
        Assert.That(await second.Next(), Is.EqualTo("You: dogs"));

        Assert.That((await _cluster[1].Send(asker.Id, "let me speak")).Outcome, Is.EqualTo(SendOutcome.Silenced));
        Assert.That((await _cluster[1].SubmitQuestion(asker.Id, "Another?")).Outcome, Is.EqualTo(SetupOutcome.NotAllowed));

        await _cluster[0].Leave(asker.Id);
        Assert.That(await first.Next(), Is.EqualTo(Notices.AskerLeft));
        Assert.That(await second.Next(), Is.EqualTo(Notices.AskerLeft));
    }

    [Test]
    public async Task AQuestionAgainstAPolicyIsRefusedAndAnotherAccepted()
    {
        var asker = await Join(0, ChatEntry.QuestionAsk);
        await asker.Next();

        var refused = await _cluster[1].SubmitQuestion(asker.Id, Link);
        Assert.That(refused.Outcome, Is.EqualTo(SetupOutcome.Rejected));
        Assert.That(refused.RefusalReason, Is.EqualTo(new BlockUrls(new Ladder(0, Consequence.Kick)).Reason));
        Assert.That(await asker.Next(), Is.EqualTo(Notices.QuestionRefused(refused.RefusalReason!).English));

        Assert.That((await _cluster[1].SubmitQuestion(asker.Id, "   ")).Outcome, Is.EqualTo(SetupOutcome.Empty));
        Assert.That((await _cluster[1].SubmitQuestion(asker.Id, "Tea?")).Outcome, Is.EqualTo(SetupOutcome.Accepted));
        Assert.That(await asker.Next(), Is.EqualTo(Notices.YourQuestion("Tea?").English));
    }

    [Test]
    public async Task QuestionModeSendsNewcomersToTheShortSide()
    {
        await Join(0, ChatEntry.QuestionDiscuss);
        await Join(1, ChatEntry.QuestionDiscuss);
        Assert.That(await _cluster[2].SuggestQuestionSide(), Is.EqualTo(QuestionSide.Ask), "two discussers wait for an asker");

        await Join(2, ChatEntry.QuestionAsk);
        await Join(0, ChatEntry.QuestionAsk);
        Assert.That(await _cluster[1].SuggestQuestionSide(), Is.EqualTo(QuestionSide.Discuss), "two askers without questions wait");
    }

    [Test]
    public async Task GlobalChatMembersOnEveryInstanceSeeEachOther()
    {
        var first = await Join(0, ChatEntry.Global);
        Assert.That(await first.Next(), Is.EqualTo(Notices.Welcome(1).English));
        var second = await Join(1, ChatEntry.Global);
        Assert.That(await second.Next(), Is.EqualTo(Notices.Welcome(2).English));
        Assert.That(await first.Next(), Is.EqualTo(Notices.Joined("Anonymous").English));

        Assert.That((await _cluster[2].Send(second.Id, "/nick bob")).Outcome, Is.EqualTo(SendOutcome.CommandAnswered));
        Assert.That(await second.Next(2), Is.EqualTo(new[] { "Anonymous (You): /nick bob", Notices.NickChanged("bob").English }));
        await _cluster[2].Send(second.Id, "hi all");
        Assert.That(await second.Next(), Is.EqualTo("bob (You): hi all"));
        Assert.That(await first.Next(), Is.EqualTo("bob: hi all"), "the command and its answer went to its author only");

        var third = await Join(2, ChatEntry.Global);
        Assert.That(await third.Next(), Is.EqualTo(Notices.Welcome(3).English));
        Assert.That(await first.Next(), Is.EqualTo(Notices.Joined("Anonymous").English));
        Assert.That(await second.Next(), Is.EqualTo(Notices.Joined("Anonymous").English));

        await _cluster[0].Send(third.Id, "/ping");
        Assert.That(await third.Next(2), Is.EqualTo(new[] { "Anonymous (You): /ping", Notices.Pong }));

        await _cluster[1].Leave(second.Id);
        Assert.That(await first.Next(), Is.EqualTo(Notices.Left("bob").English));
        Assert.That(await third.Next(), Is.EqualTo(Notices.Left("bob").English));
        await _cluster[0].Send(first.Id, "still here");
        Assert.That(await third.Next(), Is.EqualTo("Anonymous: still here"), "global chat goes on with two");
    }

    [Test]
    public async Task PeopleWhoShareAnInterestMeetAcrossInstancesBeforeAnEarlierStranger()
    {
        var plain = await Join(0, ChatEntry.Two, new Preferences("en", Interests.None));
        var music = await Join(1, ChatEntry.Any, new Preferences("en", Interests.Parse("music")));
        var alsoMusic = await Join(2, ChatEntry.Two, new Preferences("en", Interests.Parse("music,go")));

        Assert.That(await music.Next(3), Is.EqualTo(new[] { Notices.LookingForPeople, Notices.FoundStranger, "You both like music." }));
        Assert.That(await alsoMusic.Until("You both like music."), Does.Contain(Notices.FoundStranger));
        Assert.That(await plain.Next(), Is.EqualTo(Notices.LookingForStranger));
        Assert.That(plain.Mailbox.Reader.TryPeek(out _), Is.False, "the earlier stranger still waits");
    }

    [Test]
    public async Task WhenTheWaitRunsOutTheServerMatchesThemWithoutAnyoneAsking()
    {
        var music = await Join(0, ChatEntry.Two, new Preferences("en", Interests.Parse("music")));
        var spanish = await Join(1, ChatEntry.Two, new Preferences("es", Interests.None));

        Assert.That(await music.Next(3), Is.EqualTo(new[] { Notices.LookingForStranger, Notices.NoSharedInterests, Notices.FoundStranger }));
        Assert.That(await spanish.Next(2), Is.EqualTo(new[] { Notices.LookingForStranger, Notices.FoundStranger }));
        var snapshot = await _cluster[2].Snapshot();
        Assert.That(snapshot.People.Single(person => person.Id == spanish.Id.Value).Language, Is.EqualTo("es"));
        Assert.That(snapshot.People.Single(person => person.Id == music.Id.Value).Interests, Is.EqualTo(new[] { "music" }));
    }

    [Test]
    public async Task AnyModeMeetsWhoeverWaitsWherever()
    {
        var waiting = await Join(0, ChatEntry.Two);
        var any = await Join(1, ChatEntry.Any);

        Assert.That(await any.Next(2), Is.EqualTo(new[] { Notices.LookingForPeople, Notices.FoundStranger }));
        Assert.That(await waiting.Next(2), Is.EqualTo(new[] { Notices.LookingForStranger, Notices.FoundStranger }));
        var snapshot = await _cluster[2].Snapshot();
        Assert.That(snapshot.People.Single(person => person.Id == any.Id.Value).Lobbies, Is.Empty, "the first room won: no lobby keeps them");
        Assert.That(snapshot.Lobbies.SelectMany(lobby => lobby.Waiting), Is.Empty);
    }

    [Test]
    public async Task SpeakingBeforeAnyoneArrivesIsToldOnceAndKeepsTheText()
    {
        var early = await Join(0, ChatEntry.Two);
        Assert.That((await _cluster[1].Send(early.Id, "anyone?")).Outcome, Is.EqualTo(SendOutcome.NotInRoomYet));
        Assert.That((await _cluster[2].Send(early.Id, "anyone??")).Outcome, Is.EqualTo(SendOutcome.NotInRoomYet));
        Assert.That((await _cluster[2].Send(early.Id, "")).Outcome, Is.EqualTo(SendOutcome.Empty));
        Assert.That((await _cluster[2].Send(early.Id, new string('x', 501))).Outcome, Is.EqualTo(SendOutcome.TooLong));

        await Join(1, ChatEntry.Two);
        Assert.That(await early.Next(3), Is.EqualTo(new[] { Notices.LookingForStranger, Notices.NotTalkingYet, Notices.FoundStranger }));
    }

    [Test]
    public async Task ALinkIsSuppressedThenTheSenderIsKickedAndThePartnerTold()
    {
        var sender = await Join(0, ChatEntry.Two);
        var partner = await Join(1, ChatEntry.Two);
        await sender.Next(2);
        await partner.Next(2);

        var first = await _cluster[2].Send(sender.Id, Link);
        Assert.That(first.Outcome, Is.EqualTo(SendOutcome.Suppressed));
        Assert.That(first.Verdict!.IsLastWarning, Is.True);
        Assert.That(await sender.Next(), Is.EqualTo(first.Verdict.Notice.English));

        var second = await _cluster[1].Send(sender.Id, Link);
        Assert.That(second.Outcome, Is.EqualTo(SendOutcome.Kicked));
        Assert.That(await sender.UntilEnded(), Is.EqualTo(new[] { second.Verdict!.Notice.English }));
        Assert.That(await partner.UntilEnded(), Is.EqualTo(new[] { Notices.StrangerLeft, Notices.ConversationOver }), "the partner never saw the links");
    }

    [Test]
    public async Task ALateCallToAnEndedRoomIsAnsweredGoneAndLeavesNoEmptyRoomBehind()
    {
        var a = await Join(0, ChatEntry.Two);
        var b = await Join(1, ChatEntry.Two);
        await a.Next(2);
        await b.Next(2);
        var roomId = (await _cluster[2].Snapshot()).Rooms.Single().Id;
        await _cluster[0].Leave(a.Id);
        Assert.That(await b.UntilEnded(), Does.Contain(Notices.StrangerLeft));
        var room = _cluster.Grains(2).GetGrain<IRoomGrain>(roomId);
        await WaitUntilNoActivationOf(room, "the ended room to deactivate");

        // A report or a leave that was on its way when the conversation ended.
        var late = await room.Report(b.Id.Value, messagesSeen: 0);
        await room.Leave(a.Id.Value);

        Assert.That((ReportOutcome)late.Outcome, Is.EqualTo(ReportOutcome.Departed));
        await WaitUntilNoActivationOf(room, "the late calls' activation to go instead of staying as an empty room");
        Assert.That((await _cluster[1].Snapshot()).Rooms.Select(view => view.Id), Has.None.EqualTo(roomId));
    }

    private async Task WaitUntilNoActivationOf(IRoomGrain room, string what)
    {
        var management = _cluster.Grains(0).GetGrain<IManagementGrain>(0);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await management.GetGrainActivationCount((GrainReference)room) > 0)
        {
            if (patience.IsCancellationRequested)
            {
                Assert.Fail($"Waited 10 s for {what}.");
            }

            await Task.Delay(50);
        }
    }

    [Test]
    public async Task StoppingAnInstanceEndsItsStreamsWithTheRestartNotice()
    {
        var a = await Join(0, ChatEntry.Two);
        await _cluster[0].Stop();

        Assert.That(await a.UntilEnded(), Is.EqualTo(new[] { Notices.LookingForStranger, Notices.ServerStopping }));
        Assert.That(await _cluster[0].Join(ChatEntry.Two), Is.Null, "a stopping instance takes nobody new");
    }
}
