using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class RepeatedTextAcrossRooms
{
    private const string Advert = "Visit my shop, best prices, write to shop at example dot org";

    private static readonly EchoLimits Limits = new(Rooms: 3, Window: TimeSpan.FromMinutes(10), SwarmSenders: 4, SwarmWindow: TimeSpan.FromMinutes(1), SwarmBlock: TimeSpan.FromMinutes(30));

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    private TextEchoes Echoes() => new(Limits, _clock);

    [TestCase("Call 555-1234 NOW, cheap deals", "call 555-9876   now, cheap DEALS")]
    [TestCase("  Best\tprices\n\nin town today  ", "best prices in town today")]
    [TestCase("Room 12 and room 345 are open", "room 9 and room 0 are open")]
    public void CaseWhiteSpaceAndDigitsAreEvenedOut(string one, string other) =>
        Assert.That(EchoKey.Of(one, 10), Is.EqualTo(EchoKey.Of(other, 10)).And.Not.Null);

    [Test]
    public void DifferentWordsAreDifferentTexts() =>
        Assert.That(EchoKey.Of("best prices in town today", 10), Is.Not.EqualTo(EchoKey.Of("best prices in town tomorrow", 10)));

    [TestCase("hi")]
    [TestCase("asl?")]
    [TestCase("hello there 123")]
    public void GreetingsAreTooShortToCount(string greeting) =>
        Assert.That(EchoKey.Of(greeting, 16), Is.Null);

    [Test]
    public void OneOriginMaySendATextIntoAFewRoomsThenItIsRepeated()
    {
        var echoes = Echoes();

        var echoes1To4 = Enumerable.Range(1, 4).Select(room => echoes.ObserveText("spammer", $"room-{room}", Advert)).ToList();

        Assert.That(echoes1To4, Is.EqualTo(new[] { Echo.None, Echo.None, Echo.None, Echo.Repeated }));
    }

    [Test]
    public void SayingItAgainInTheSameRoomIsNoNewRoom()
    {
        var echoes = Echoes();

        for (var i = 0; i < 10; i++)
        {
            Assert.That(echoes.ObserveText("chatty", "room-1", Advert), Is.EqualTo(Echo.None), $"copy {i + 1} in one room");
        }
    }

    [Test]
    public void AnOriginsCopiesAreForgottenAfterTheWindow()
    {
        var echoes = Echoes();
        for (var room = 1; room <= 3; room++)
        {
            echoes.ObserveText("patient", $"room-{room}", Advert);
        }

        _clock.Advance(TimeSpan.FromMinutes(11));

        Assert.That(echoes.ObserveText("patient", "room-4", Advert), Is.EqualTo(Echo.None));
        Assert.That(echoes.Count, Is.EqualTo(1), "the old copies were swept, the new one is kept");
    }

    [Test]
    public void ManyOriginsSendingOneTextIntoManyRoomsMakeASwarmThatHoldsForThoseOrigins()
    {
        var echoes = Echoes();

        var first = Enumerable.Range(1, 4).Select(bot => echoes.ObserveText($"bot-{bot}", $"room-{bot}", Advert)).ToList();
        _clock.Advance(TimeSpan.FromMinutes(20));
        var laterFromABot = echoes.ObserveText("bot-1", "room-98", Advert);
        var laterFromSomeoneNew = echoes.ObserveText("newcomer", "room-99", Advert);
        _clock.Advance(TimeSpan.FromMinutes(11));
        var afterTheBlock = echoes.ObserveText("bot-2", "room-100", Advert);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new[] { Echo.None, Echo.None, Echo.None, Echo.Swarm }), "the fourth origin in a fourth room within a minute");
            Assert.That(laterFromABot, Is.EqualTo(Echo.Swarm), "a member of the swarm is suppressed for the block");
            Assert.That(laterFromSomeoneNew, Is.EqualTo(Echo.None), "someone who was not in the swarm is not");
            Assert.That(afterTheBlock, Is.EqualTo(Echo.None), "the block ends");
        });
    }

    [Test]
    public void ASwarmCannotSilenceSomeoneWhoWasNotInIt()
    {
        var echoes = Echoes();
        for (var bot = 1; bot <= 4; bot++)
        {
            echoes.ObserveText($"bot-{bot}", $"room-{bot}", Advert);
        }

        var sixth = Enumerable.Range(1, 4).Select(room => echoes.ObserveText("sixth", $"sixth-room-{room}", Advert)).ToList();

        Assert.That(sixth, Is.EqualTo(new[] { Echo.None, Echo.None, Echo.None, Echo.Repeated }), "within the same minute: judged by their own copies only, so caught once they paste it into a fourth room");
    }

    [Test]
    public void NewOriginsThatSwarmAfterwardsMakeASwarmOfTheirOwn()
    {
        var echoes = Echoes();
        for (var bot = 1; bot <= 4; bot++)
        {
            echoes.ObserveText($"bot-{bot}", $"room-{bot}", Advert);
        }

        var nextWave = Enumerable.Range(5, 4).Select(bot => echoes.ObserveText($"bot-{bot}", $"room-{bot}", Advert)).ToList();
        var aLaterCopyFromTheNextWave = echoes.ObserveText("bot-5", "room-50", Advert);

        Assert.Multiple(() =>
        {
            Assert.That(nextWave, Is.EqualTo(new[] { Echo.None, Echo.None, Echo.None, Echo.Swarm }), "four fresh origins are a swarm again");
            Assert.That(aLaterCopyFromTheNextWave, Is.EqualTo(Echo.Swarm));
        });
    }

    [Test]
    public void ManyOriginsSpreadOverMoreThanAMinuteAreNoSwarm()
    {
        var echoes = Echoes();
        var heard = new List<Echo>();
        for (var person = 1; person <= 8; person++)
        {
            heard.Add(echoes.ObserveText($"person-{person}", $"room-{person}", Advert));
            _clock.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.That(heard, Has.All.EqualTo(Echo.None));
    }

    [Test]
    public void MemoryStaysBoundedUnderAFloodOfUniqueTexts()
    {
        var echoes = new TextEchoes(Limits with { MaxTexts = 100 }, _clock);

        for (var i = 0; i < 1_000; i++)
        {
            echoes.ObserveText("flood", "room-1", $"unique text number {i:x} with words {Guid.NewGuid():N}");
        }

        Assert.That(echoes.Count, Is.EqualTo(100));
    }

    private static readonly RepeatedText Policy = new(new Ladder(2, Consequence.Kick));

    private static readonly PoliciesByMode InTwo = new(new Dictionary<Mode, IReadOnlyList<Policy>> { [Mode.Two] = [Policy] });

    private static readonly Origin Spammer = new("address:198.51.100.7");

    private Told WithRepeatedText() => new(policies: InTwo, clock: _clock);

    /// <summary>The sender's text in their room, with what its copies in other rooms say (as the room's owner asks the echoes first).</summary>
    private static SendOutcome Send(Told told, TextEchoes echoes, Person sender, string text)
    {
        var room = sender.Room!;
        var echo = echoes.ObserveText(sender.Origin.Value, room.Id, text);
        return told.After(room, room.Receive(sender, text, InTwo, echo));
    }

    private static void Leave(Told told, Person person)
    {
        var room = person.Room!;
        room.Depart(person);
        told.After(room);
    }

    /// <summary>A new conversation between the spammer and a stranger of their own origin.</summary>
    private static (Person Spammer, Person Stranger) Meet(Told told, int stranger)
    {
        var partner = told.Join(ChatEntry.Two, origin: new Origin($"address:192.0.2.{stranger}"));
        var spammer = told.Join(ChatEntry.Two, origin: Spammer);
        return (spammer, partner);
    }

    [Test]
    public void ASpammerPastingIntoThirtyConversationsReachesThreeStrangers()
    {
        var told = WithRepeatedText();
        var echoes = Echoes();
        var outcomes = new List<SendOutcome>();
        var reached = 0;
        List<string> toldTheSpammer = [];

        for (var stranger = 0; stranger < 30; stranger++)
        {
            var (spammer, partner) = Meet(told, stranger);
            outcomes.Add(Send(told, echoes, spammer, $"{Advert}, offer {stranger}"));
            reached += told.Texts(partner).Count(line => line.StartsWith("Stranger: Visit my shop", StringComparison.Ordinal));
            toldTheSpammer = told.Texts(spammer);
            Leave(told, spammer);
        }

        Assert.Multiple(() =>
        {
            Assert.That(reached, Is.EqualTo(3), "the same advert (digits evened out) reached three strangers only");
            Assert.That(outcomes, Is.EqualTo(Enumerable.Repeat(SendOutcome.Relayed, 3).Concat(Enumerable.Repeat(SendOutcome.Suppressed, 27))));
            Assert.That(toldTheSpammer, Has.Some.EqualTo(Notices.Suppressed(Policy.Reason).English), "the sender is told why");
        });
    }

    [Test]
    public void ASpammerWhoKeepsPastingIsSuppressedThenKickedByTheLadder()
    {
        var told = WithRepeatedText();
        var echoes = Echoes();
        for (var stranger = 0; stranger < 3; stranger++)
        {
            var (earlier, _) = Meet(told, stranger);
            Send(told, echoes, earlier, Advert);
            Leave(told, earlier);
        }

        var (spammer, partner) = Meet(told, 9);
        var outcomes = Enumerable.Range(0, 3).Select(_ => Send(told, echoes, spammer, Advert)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(outcomes, Is.EqualTo(new[] { SendOutcome.Suppressed, SendOutcome.Suppressed, SendOutcome.Kicked }));
            Assert.That(told.Verdicts(spammer).Select(verdict => verdict.Reason), Has.All.EqualTo(Policy.Reason));
            Assert.That(told.Texts(spammer), Has.Some.EqualTo(Notices.Kicked(Policy.Reason).English));
            Assert.That(told.Texts(partner), Has.None.Contains("Visit my shop").And.Some.EqualTo(Notices.StrangerLeft));
        });
    }

    [Test]
    public void FiveOriginsCannotSilenceASixthWhoSaysTheSameThing()
    {
        const string Greeting = "hey how are you doing today friend";
        var told = WithRepeatedText();
        var echoes = new TextEchoes(EchoLimits.Default, _clock);
        var bots = new List<SendOutcome>();
        for (var bot = 0; bot < 5; bot++)
        {
            told.Join(ChatEntry.Two, origin: new Origin($"address:192.0.2.{bot}"));
            var sender = told.Join(ChatEntry.Two, origin: new Origin($"address:203.0.113.{bot}"));
            bots.Add(Send(told, echoes, sender, Greeting));
        }

        var partner = told.Join(ChatEntry.Two, origin: new Origin("address:192.0.2.99"));
        var sixth = told.Join(ChatEntry.Two, origin: new Origin("address:198.51.100.99"));
        var outcome = Send(told, echoes, sixth, Greeting);

        Assert.Multiple(() =>
        {
            Assert.That(bots, Is.EqualTo(new[] { SendOutcome.Relayed, SendOutcome.Relayed, SendOutcome.Relayed, SendOutcome.Relayed, SendOutcome.Suppressed }), "the fifth origin makes a swarm");
            Assert.That(outcome, Is.EqualTo(SendOutcome.Relayed));
            Assert.That(told.Texts(sixth), Has.None.Contains(Policy.Reason), "neither suppressed nor warned");
            Assert.That(told.Verdicts(sixth), Is.Empty);
            Assert.That(told.Texts(partner), Has.Some.EqualTo($"Stranger: {Greeting}"));
        });
    }

    [Test]
    public void AModeWithoutThePolicyRelaysEveryCopy()
    {
        var told = WithRepeatedText();
        var echoes = Echoes();
        var outcomes = new List<SendOutcome>();
        for (var room = 0; room < 5; room++)
        {
            var first = told.Join(ChatEntry.Three, origin: Spammer);
            told.Join(ChatEntry.Three, origin: new Origin($"address:192.0.2.{room}"));
            told.Join(ChatEntry.Three, origin: new Origin($"address:192.0.2.{room + 100}"));
            outcomes.Add(Send(told, echoes, first, Advert));
        }

        Assert.That(outcomes, Has.All.EqualTo(SendOutcome.Relayed));
    }
}
