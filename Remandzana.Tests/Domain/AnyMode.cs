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
        var switchboard = Switchboards.New();
        var person = switchboard.JoinOrFail(ChatEntry.Any);

        Assert.That(person.Lobbies, Is.EquivalentTo(new object[] { switchboard.Two, switchboard.Three, switchboard.Question }));
        Assert.That(person.Role, Is.EqualTo(Role.Talker));
        Assert.That(person.DrainTexts(), Is.EqualTo(new[] { Notices.LookingForPeople }));
    }

    [Test]
    public void TheFirstRoomToFormTakesThemAndTheyLeaveTheOtherLobbies()
    {
        var switchboard = Switchboards.New();
        var person = switchboard.JoinOrFail(ChatEntry.Any);
        var partner = switchboard.JoinOrFail(ChatEntry.Two);

        Assert.That(person.Room, Is.TypeOf<TwoRoom>().And.SameAs(partner.Room));
        Assert.That(person.Lobbies, Is.Empty);
        Assert.That(switchboard.Three.Waiting, Is.Empty);
        Assert.That(switchboard.Question.Waiting, Is.Empty);
    }

    [Test]
    public void AnAnyPersonCanCompleteAThreeRoom()
    {
        var switchboard = Switchboards.New();
        var first = switchboard.JoinOrFail(ChatEntry.Three);
        var second = switchboard.JoinOrFail(ChatEntry.Three);
        var person = switchboard.JoinOrFail(ChatEntry.Any);

        Assert.That(person.Room, Is.TypeOf<ThreeRoom>().And.SameAs(first.Room).And.SameAs(second.Room));
        Assert.That(switchboard.Two.Waiting, Is.Empty);
    }

    [Test]
    public void AnAnyPersonCanDiscussAQuestion()
    {
        var switchboard = Switchboards.New();
        var asker = switchboard.JoinOrFail(ChatEntry.QuestionAsk);
        switchboard.SubmitQuestion(asker.Id, "Why?");
        switchboard.JoinOrFail(ChatEntry.QuestionDiscuss);
        var person = switchboard.JoinOrFail(ChatEntry.Any);

        Assert.That(person.Room, Is.TypeOf<QuestionRoom>().And.SameAs(asker.Room));
    }

    [Test]
    public void TwoAnyPeopleMeetInExactlyOneRoom()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var switchboard = Switchboards.New(seed: seed);
            var first = switchboard.JoinOrFail(ChatEntry.Any);
            var second = switchboard.JoinOrFail(ChatEntry.Any);

            Assert.That(first.Room, Is.Not.Null.And.SameAs(second.Room), $"seed {seed}");
            Assert.That(first.Lobbies.Concat(second.Lobbies), Is.Empty, $"seed {seed}");
        }
    }
}
