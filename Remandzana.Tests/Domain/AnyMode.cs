using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class AnyMode
{
    [Test]
    public void AnAnyPersonWaitsInTheTwoThreeAndDiscussLobbiesWithOneGenericLine()
    {
        var told = new Told();
        var person = told.Join(ChatEntry.Any);

        Assert.That(person.Lobbies, Is.EquivalentTo(new object[] { told.Matchmaker.Two, told.Matchmaker.Three, told.Matchmaker.Question }));
        Assert.That(person.Role, Is.EqualTo(Role.Talker));
        Assert.That(told.Texts(person), Is.EqualTo(new[] { Notices.LookingForPeople }));
    }

    [Test]
    public void TheFirstRoomToFormTakesThemAndTheyLeaveTheOtherLobbies()
    {
        var told = new Told();
        var person = told.Join(ChatEntry.Any);
        var partner = told.Join(ChatEntry.Two);

        Assert.That(person.Room, Is.TypeOf<TwoRoom>().And.SameAs(partner.Room));
        Assert.That(person.Lobbies, Is.Empty);
        Assert.That(told.Matchmaker.Three.Waiting, Is.Empty);
        Assert.That(told.Matchmaker.Question.Waiting, Is.Empty);
    }

    [Test]
    public void AnAnyPersonCanCompleteAThreeRoom()
    {
        var told = new Told();
        var first = told.Join(ChatEntry.Three);
        var second = told.Join(ChatEntry.Three);
        var person = told.Join(ChatEntry.Any);

        Assert.That(person.Room, Is.TypeOf<ThreeRoom>().And.SameAs(first.Room).And.SameAs(second.Room));
        Assert.That(told.Matchmaker.Two.Waiting, Is.Empty);
    }

    [Test]
    public void AnAnyPersonCanDiscussAQuestion()
    {
        var told = new Told();
        var asker = told.Join(ChatEntry.QuestionAsk);
        told.Matchmaker.SubmitQuestion(asker.Id, "Why?", out _, out var formed);
        told.Open(formed);
        told.Join(ChatEntry.QuestionDiscuss);
        var person = told.Join(ChatEntry.Any);

        Assert.That(person.Room, Is.TypeOf<QuestionRoom>().And.SameAs(asker.Room));
    }

    [Test]
    public void TwoAnyPeopleMeetInExactlyOneRoom()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var told = new Told(seed);
            var first = told.Join(ChatEntry.Any);
            var second = told.Join(ChatEntry.Any);

            Assert.That(first.Room, Is.Not.Null.And.SameAs(second.Room), $"seed {seed}");
            Assert.That(told.Rooms, Has.Count.EqualTo(1), $"seed {seed}");
            Assert.That(first.Lobbies.Concat(second.Lobbies), Is.Empty, $"seed {seed}");
        }
    }
}
