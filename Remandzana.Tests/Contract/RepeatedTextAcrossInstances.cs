using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Tests.Contract;

/// <summary>
/// The RepeatedText policy counts every copy of a text, whichever instance holds the sender's page
/// and whichever one the message is posted to: alone, and across three silos on Orleans'
/// in-process test cluster. Each copy is judged on one instance, with no call, and reaches the
/// others in their next batch (<c>ShareMilliseconds</c>): the tests wait for that before the next copy.
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

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private SwitchboardCluster _cluster = null!;
    private (long Observed, long Heard)[] _before = [];

    [OneTimeSetUp]
    public async Task Start() =>
        _cluster = silos == "alone" ? await SwitchboardCluster.Alone(Policies) : await SwitchboardCluster.InProcess(3, Policies);

    [OneTimeTearDown]
    public async Task Stop() => await _cluster.DisposeAsync();

    [SetUp]
    public void NoteTheCountsSoFar() => _before = Enumerable.Range(0, _cluster.Count).Select(instance => _cluster.EchoWatch(instance).Copies).ToArray();

    /// <summary>The copies each instance counted in this test: judged there, and heard from the others.</summary>
    private (long Observed, long Heard)[] Counted() =>
        Enumerable.Range(0, _cluster.Count).Select(instance => _cluster.EchoWatch(instance).Copies).Select((copies, instance) => (copies.Observed - _before[instance].Observed, copies.Heard - _before[instance].Heard)).ToArray();

    /// <summary>Waits until every instance has counted all <paramref name="copies"/> copies sent in this test, wherever each was judged.</summary>
    private async Task EveryInstanceCounted(int copies)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (Counted().Any(counted => counted.Observed + counted.Heard < copies))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), patience.Token);
        }
    }

    private void AssertEachCopyWasJudgedOnceAndHeardEverywhereElse(int copies)
    {
        var counted = Counted();
        Assert.That(counted.Sum(instance => instance.Observed), Is.EqualTo(copies), "each copy is judged on one instance");
        Assert.That(counted.Sum(instance => instance.Heard), Is.EqualTo(copies * (_cluster.Count - 1)), "and reaches every other one (none alone)");
    }

    private async Task<(Session Sender, Session Stranger)> Meet(int instance, Origin sender, Origin stranger)
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
            await EveryInstanceCounted(stranger + 1);
            await _cluster[stranger].Leave(sender.Id);
            var seen = await partner.UntilEnded();
            Assert.That(seen.Any(line => line.StartsWith("Stranger: Cheap followers", StringComparison.Ordinal)), Is.EqualTo(stranger < 3), $"stranger {stranger + 1}");
        }

        Assert.That(outcomes, Is.EqualTo(new[] { SendOutcome.Relayed, SendOutcome.Relayed, SendOutcome.Relayed, SendOutcome.Suppressed, SendOutcome.Suppressed, SendOutcome.Suppressed }));
        AssertEachCopyWasJudgedOnceAndHeardEverywhereElse(6);
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
            await EveryInstanceCounted(bot + 1);
        }

        var (sixth, _) = await Meet(5, new Origin("address:198.51.100.66"), new Origin("address:192.0.2.106"));
        var sixthSays = (await _cluster[6].Send(sixth.Id, swarm)).Outcome;
        await EveryInstanceCounted(6);
        var (firstBotAgain, _) = await Meet(6, new Origin("address:203.0.113.0"), new Origin("address:192.0.2.107"));
        var firstBotSays = (await _cluster[8].Send(firstBotAgain.Id, swarm)).Outcome;
        await EveryInstanceCounted(7);

        Assert.Multiple(() =>
        {
            Assert.That(outcomes, Is.EqualTo(new[] { SendOutcome.Relayed, SendOutcome.Relayed, SendOutcome.Relayed, SendOutcome.Relayed, SendOutcome.Suppressed }), "the fifth origin makes a swarm (five by default)");
            Assert.That(sixthSays, Is.EqualTo(SendOutcome.Relayed), "someone who was not in the swarm is not silenced by it");
            Assert.That(firstBotSays, Is.EqualTo(SendOutcome.Suppressed), "a member of the swarm is suppressed on another instance");
            AssertEachCopyWasJudgedOnceAndHeardEverywhereElse(7);
        });
    }
}
