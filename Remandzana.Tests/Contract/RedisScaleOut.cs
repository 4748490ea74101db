using System.Collections.Concurrent;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.People;
using Remandzana.Tests.Support;
using Remandzana.Web.Cluster;
using Remandzana.Web.Debug;
using Remandzana.Web.Grains;
using Remandzana.Web.Reports;
using Remandzana.Web.Sessions;

namespace Remandzana.Tests.Contract;

/// <summary>What only a cluster of several silos has to get right: instances racing, dying, and losing Redis.</summary>
[Category("Contract")]
[NonParallelizable]
public sealed class RedisScaleOut
{
    private RedisServer _redis = null!;

    [OneTimeSetUp]
    public async Task StartRedis() => _redis = await RedisServer.Start();

    [OneTimeTearDown]
    public async Task StopRedis() => await _redis.DisposeAsync();

    [SetUp]
    public async Task Flush()
    {
        if (!_redis.IsRunning)
        {
            await _redis.Restart();
        }

        await _redis.FlushAll();
    }

    [Test]
    public async Task ThousandsOfJoinsRacingOverThreeInstancesBreakNoInvariant()
    {
        await using var cluster = await SwitchboardCluster.Redis(_redis, 3, mailboxCapacity: 100_000);
        ChatEntry[] entries = [ChatEntry.Two, ChatEntry.Three, ChatEntry.QuestionDiscuss, ChatEntry.QuestionAsk, ChatEntry.Any, ChatEntry.Any, ChatEntry.Global];
        var people = new ConcurrentBag<Session>();
        await Parallel.ForAsync(0, 3_000, new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (i, _) =>
        {
            var person = await cluster[i].Join(entries[i % entries.Length]);
            people.Add(person!);
            if (person!.Role == Role.Asker)
            {
                await cluster[i + 1].SubmitQuestion(person.Id, $"Question {i}?");
            }
        });

        await EveryInstanceHasReplayedWhatWasPublished(cluster);
        var snapshot = await cluster[0].Snapshot();
        Assert.That(snapshot.People, Has.Count.EqualTo(people.Count + 3), "everyone who joined, and the three barrier people");
        SwitchboardInvariants.Hold(snapshot);

        var found = people.ToDictionary(person => person.Id.Value, person => person.Drain().OfType<SystemLine>().Count(line => line.Kind == NoticeKind.Found));
        var inRoom = snapshot.Rooms.SelectMany(room => room.Members).Select(member => member.Id).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(found.Where(pair => inRoom.Contains(pair.Key)).Select(pair => pair.Value), Is.All.EqualTo(1), "everyone in a room was told once that they found it");
            Assert.That(found.Where(pair => !inRoom.Contains(pair.Key)).Select(pair => pair.Value), Is.All.EqualTo(0), "nobody waiting was told they found a room");
        });

        await Parallel.ForEachAsync(people.Select((person, i) => (person, i)), async (entry, _) =>
            await cluster[entry.i].Leave(entry.person.Id));
        await EveryInstanceHasReplayedWhatWasPublished(cluster);
        var empty = await cluster[2].Snapshot();
        Assert.Multiple(() =>
        {
            Assert.That(empty.People.Select(person => person.Id), Is.EquivalentTo(Barriers(empty)), "only the barrier people are left");
            Assert.That(empty.Lobbies.SelectMany(lobby => lobby.Waiting), Is.Empty);
            Assert.That(people.Where(person => !person.Mailbox.IsClosed), Is.Empty, "every stream was told to end");
        });
    }

    private static IEnumerable<string> Barriers(DebugSnapshot snapshot) =>
        snapshot.People.Where(person => person.Entry == nameof(ChatEntry.Global)).Select(person => person.Id);

    /// <summary>
    /// Redis delivers each instance's channel in publication order: once a person who joins global
    /// chat on every instance has been welcomed there, everything published before has been replayed.
    /// </summary>
    private static async Task EveryInstanceHasReplayedWhatWasPublished(SwitchboardCluster cluster)
    {
        foreach (var instance in cluster.Instances)
        {
            var barrier = await instance.Join(ChatEntry.Global);
            Assert.That(await barrier!.Next(), Does.StartWith("Welcome to global chat."));
        }
    }

    [Test]
    public async Task ARoomBroughtBackOnAnotherSiloKnowsItsMembersOriginsForAReport()
    {
        await using var cluster = await SwitchboardCluster.Redis(_redis, 3);
        var alice = (await cluster[0].Join(ChatEntry.Three, origin: new Origin("address:192.0.2.1")))!;
        var bob = (await cluster[1].Join(ChatEntry.Three, origin: new Origin("pass:bob")))!;
        var charlie = (await cluster[2].Join(ChatEntry.Three, origin: new Origin("address:192.0.2.3")))!;
        await alice.Until($"{Notices.FoundTwoStrangers} {Notices.YouAre("Alice")}");
        await charlie.Until($"{Notices.FoundTwoStrangers} {Notices.YouAre("Charlie")}");

        await cluster.Kill(2);
        await alice.Until(Notices.HasLeft("Charlie").English);
        var report = await cluster[1].Report(alice.Id);

        Assert.That((ReportOutcome)report.Outcome, Is.EqualTo(ReportOutcome.Reported));
        Assert.That(report.Reported!.Select(reported => (reported.Name, reported.Origin)), Is.EqualTo(new[] { ("Bob", "pass:bob") }), "the room formed on the killed silo came back with Bob's origin");
        Assert.That(report.Lines!.Select(line => line.Text), Does.Contain(Notices.HasLeft("Charlie").English), "the lines Alice saw, from her instance");
        Assert.That(await alice.UntilEnded(), Does.Contain(Notices.ReportThanksLine));
        Assert.That(await bob.Until(Notices.HasLeft("Alice").English), Is.Not.Empty);
    }

    [Test]
    public async Task WhenAnInstanceIsKilledItsPeopleLeaveAndTheirPartnersAreTold()
    {
        await using var cluster = await SwitchboardCluster.Redis(_redis, 2);
        var survivor = (await cluster[0].Join(ChatEntry.Two))!;
        var doomed = (await cluster[1].Join(ChatEntry.Two))!;
        Assert.That(await survivor.Next(2), Is.EqualTo(new[] { Notices.LookingForStranger, Notices.FoundStranger }));

        await cluster.Kill(1);

        Assert.That(await survivor.UntilEnded(), Is.EqualTo(new[] { Notices.StrangerLeft, Notices.ConversationOver }));
        var snapshot = await cluster[0].Snapshot();
        Assert.That(snapshot.People, Is.Empty, $"{doomed.Id} was removed with their instance");
    }

    [Test]
    public async Task StoppingAnInstanceTellsThePartnersOnTheOthersAtOnce()
    {
        await using var cluster = await SwitchboardCluster.Redis(_redis, 2);
        var leaving = (await cluster[0].Join(ChatEntry.Two))!;
        var staying = (await cluster[1].Join(ChatEntry.Two))!;
        await staying.Next(2);
        await leaving.Next(2);

        await cluster[0].Stop();

        Assert.That(await leaving.UntilEnded(), Is.EqualTo(new[] { Notices.ServerStopping }));
        Assert.That(await staying.UntilEnded(), Is.EqualTo(new[] { Notices.StrangerLeft, Notices.ConversationOver }));
        Assert.That((await cluster[1].Snapshot()).People, Is.Empty);
    }

    [Test]
    public async Task WithoutRedisJoinsAreRefusedOpenChatsGoOnAndNewChatsComeBackWithIt()
    {
        await using var cluster = await SwitchboardCluster.Redis(_redis, 2);
        var first = (await cluster[0].Join(ChatEntry.Two))!;
        var second = (await cluster[1].Join(ChatEntry.Two))!;
        await first.Next(2);
        await second.Next(2);

        await _redis.Stop();

        await cluster.WaitUntilDisconnected(TimeSpan.FromSeconds(30));
        Assert.ThrowsAsync<SwitchboardUnavailableException>(async () => await cluster[0].Join(ChatEntry.Two));
        Assert.That((await cluster[1].Send(first.Id, "still here?")).Outcome, Is.EqualTo(SendOutcome.Relayed), "silos talk to each other directly: an open chat does not need Redis");
        Assert.That(await second.Next(), Is.EqualTo("Stranger: still here?"));

        await _redis.Restart();
        await cluster.WaitUntilConnected(TimeSpan.FromSeconds(30));

        var third = (await cluster[0].Join(ChatEntry.Two))!;
        var fourth = (await cluster[1].Join(ChatEntry.Two))!;
        Assert.That(await third.Next(2), Is.EqualTo(new[] { Notices.LookingForStranger, Notices.FoundStranger }));
        await cluster[1].Send(third.Id, "back again");
        Assert.That(await fourth.Until("Stranger: back again"), Does.Contain(Notices.FoundStranger));
    }
}
