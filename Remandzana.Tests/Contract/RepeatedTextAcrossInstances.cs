using Remandzana.Domain.Lines;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Switchboards;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Contract;

/// <summary>
/// The RepeatedText policy counts every copy of a text in one place, whichever instance holds the
/// sender's page and whichever one the message is posted to: alone, and across three silos on
/// Orleans' in-process test cluster.
/// </summary>
[Category("Contract")]
[TestFixture("alone")]
[TestFixture("three silos")]
[NonParallelizable]
public sealed class RepeatedTextAcrossInstances(string silos)
{
    private const string Advert = "Cheap followers for your channel, write to me for the price list";

    private static readonly RepeatedText Policy = new(new Ladder(2, Consequence.Kick));

    private static readonly PoliciesByMode Policies = new(new Dictionary<Mode, IReadOnlyList<Policy>> { [Mode.Two] = [Policy] });

    private SwitchboardCluster _cluster = null!;

    [OneTimeSetUp]
    public async Task Start() =>
        _cluster = silos == "alone" ? await SwitchboardCluster.Alone(Policies) : await SwitchboardCluster.InProcess(3, Policies);

    [OneTimeTearDown]
    public async Task Stop() => await _cluster.DisposeAsync();

    private async Task<(Person Sender, Person Stranger)> Meet(int instance, Origin sender, Origin stranger)
    {
        var partner = await _cluster[instance + 1].Join(ChatEntry.Two, origin: stranger) ?? throw new AssertionException("refused");
        var person = await _cluster[instance].Join(ChatEntry.Two, origin: sender) ?? throw new AssertionException("refused");
        await person.Until(Notices.FoundStranger);
        await partner.Until(Notices.FoundStranger);
        return (person, partner);
    }

    [Test]
    public async Task OneOriginOnEveryInstanceReachesThreeStrangersWithOneAdvert()
    {
        var spammer = new Origin($"address:198.51.100.{silos.Length}");
        var outcomes = new List<SendOutcome>();
        for (var stranger = 0; stranger < 6; stranger++)
        {
            var (sender, partner) = await Meet(stranger, spammer, new Origin($"address:192.0.2.{stranger}"));
            outcomes.Add((await _cluster[stranger + 2].Send(sender.Id, $"{Advert} ({stranger + 1} left)")).Outcome);
            await _cluster[stranger].Leave(sender.Id);
            var seen = await partner.UntilEnded();
            Assert.That(seen.Any(line => line.StartsWith("Stranger: Cheap followers", StringComparison.Ordinal)), Is.EqualTo(stranger < 3), $"stranger {stranger + 1}");
        }

        Assert.That(outcomes, Is.EqualTo(new[] { SendOutcome.Relayed, SendOutcome.Relayed, SendOutcome.Relayed, SendOutcome.Suppressed, SendOutcome.Suppressed, SendOutcome.Suppressed }));
    }

    [Test]
    public async Task ManyOriginsOnManyInstancesSendingOneTextAreSuppressedEverywhereButOnlyForThem()
    {
        var swarm = "Join the best group on the whole site today, link in my name";
        var outcomes = new List<SendOutcome>();
        for (var bot = 0; bot < 5; bot++)
        {
            var (sender, _) = await Meet(bot, new Origin($"address:203.0.113.{bot}"), new Origin($"address:192.0.2.{100 + bot}"));
            outcomes.Add((await _cluster[bot + 1].Send(sender.Id, swarm)).Outcome);
        }

        var (sixth, _) = await Meet(5, new Origin("address:198.51.100.66"), new Origin("address:192.0.2.106"));
        var sixthSays = (await _cluster[6].Send(sixth.Id, swarm)).Outcome;
        var (firstBotAgain, _) = await Meet(6, new Origin("address:203.0.113.0"), new Origin("address:192.0.2.107"));
        var firstBotSays = (await _cluster[8].Send(firstBotAgain.Id, swarm)).Outcome;

        Assert.Multiple(() =>
        {
            Assert.That(outcomes, Is.EqualTo(new[] { SendOutcome.Relayed, SendOutcome.Relayed, SendOutcome.Relayed, SendOutcome.Relayed, SendOutcome.Suppressed }), "the fifth origin makes a swarm (five by default)");
            Assert.That(sixthSays, Is.EqualTo(SendOutcome.Relayed), "someone who was not in the swarm is not silenced by it");
            Assert.That(firstBotSays, Is.EqualTo(SendOutcome.Suppressed), "a member of the swarm is suppressed on another instance");
        });
    }
}
