using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;

namespace Remandzana.Tests.Domain;

/// <summary>A matchmaker lost with its silo is rebuilt from the people the instances still hold.</summary>
[Category("Domain")]
public sealed class MatchmakerRecovery
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static Person Waiting(string id, ChatEntry entry, int secondsAfterStart, string? question = null)
    {
        var person = new Person(new PersonId(id), Person.RoleFor(entry), entry, Start.AddSeconds(secondsAfterStart));
        person.Restore(question, nickname: null);
        return person;
    }

    [Test]
    public void PeopleBroughtBackTakeTheirOldPlacesAheadOfNewcomersAndAreToldNothing()
    {
        var matchmaker = new Matchmaker(new Random(1));
        var newcomer = Waiting("new", ChatEntry.Three, 30);
        Assert.That(matchmaker.Join(newcomer), Is.Empty);
        Assert.That(matchmaker.TakeEffects().For(newcomer.Id), Is.Not.Empty, "a newcomer is told what they wait for");

        var formed = matchmaker.Restore([Waiting("b", ChatEntry.Three, 20), Waiting("a", ChatEntry.Three, 10)]);

        var room = formed.Single();
        Assert.Multiple(() =>
        {
            Assert.That(room.Mode, Is.EqualTo(Mode.Three));
            Assert.That(room.Members.Select(person => person.Id.Value), Is.EqualTo(new[] { "a", "b", "new" }), "earliest arrival first: Alice, Bob, Charlie");
            Assert.That(matchmaker.TakeEffects().IsEmpty, Is.True, "a person put back is told nothing: their page still shows that they wait");
            Assert.That(matchmaker.Waiting, Is.Empty);
        });
    }

    [Test]
    public void SomeoneItStillHoldsIsNotAddedTwice()
    {
        var matchmaker = new Matchmaker(new Random(1));
        var held = Waiting("held", ChatEntry.Two, 0);
        matchmaker.Join(held);

        var formed = matchmaker.Restore([Waiting("held", ChatEntry.Two, 0)]);

        Assert.That(formed, Is.Empty, "the same person twice would make a room of one person");
        Assert.That(matchmaker.Two.Waiting, Is.EqualTo(new[] { held }));
    }

    [Test]
    public void AnAskerBroughtBackWithTheirQuestionIsReadyAtOnce()
    {
        var matchmaker = new Matchmaker(new Random(1));
        matchmaker.Join(Waiting("d1", ChatEntry.QuestionDiscuss, 5));
        matchmaker.Join(Waiting("d2", ChatEntry.QuestionDiscuss, 6));

        var formed = matchmaker.Restore([Waiting("asker", ChatEntry.QuestionAsk, 1, question: "Cats or dogs?")]);

        Assert.That(formed.Single().Question, Is.EqualTo("Cats or dogs?"));
        Assert.That(formed.Single().Open("room", Start).Members.Select(member => member.Person.Id.Value), Is.EqualTo(new[] { "asker", "d1", "d2" }));
    }

    [Test]
    public void AnyModeBroughtBackStillLandsInOneRoomOnly()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var matchmaker = new Matchmaker(new Random(seed));
            matchmaker.Join(Waiting("two", ChatEntry.Two, 5));
            matchmaker.Join(Waiting("three-1", ChatEntry.Three, 6));
            matchmaker.Join(Waiting("three-2", ChatEntry.Three, 7));

            var any = Waiting("any", ChatEntry.Any, 1);
            var formed = matchmaker.Restore([any]);

            Assert.That(formed.Count(formation => formation.Members.Contains(any)), Is.EqualTo(1), $"seed {seed}");
            Assert.That(any.Lobbies, Is.Empty, $"seed {seed}");
        }
    }
}
