using Orleans;
using Orleans.Runtime;
using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Tests.Support;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Tests.Contract;

/// <summary>A room the matchmaker made possible fails to open: its members go back to the matchmaker, not into limbo.</summary>
[Category("Contract")]
[NonParallelizable]
public sealed class FailedRoomOpening
{
    [Test]
    public async Task TheMatchmakerTakesTheMembersBackAndTheirNextRoomOpens()
    {
        var firstOpening = new FailingOpenings(failures: 1);
        await using var cluster = await SwitchboardCluster.Alone(calls: firstOpening);
        var alice = await cluster[0].Join(ChatEntry.Two) ?? throw new AssertionException("refused");
        var bob = await cluster[0].Join(ChatEntry.Two) ?? throw new AssertionException("refused");

        Assert.That(await alice.Next(2), Is.EqualTo(new[] { Notices.LookingForStranger, Notices.FoundStranger }));
        Assert.That(await bob.Next(2), Is.EqualTo(new[] { Notices.LookingForStranger, Notices.FoundStranger }), "the join that made the failed room possible was not refused");
        var snapshot = await cluster[0].Snapshot();
        Assert.Multiple(() =>
        {
            Assert.That(firstOpening.Failed, Is.EqualTo(1), "the first room really failed to open");
            Assert.That(snapshot.Rooms.Single().Members.Select(member => member.Id), Is.EquivalentTo(new[] { alice.Id.Value, bob.Id.Value }));
            Assert.That(snapshot.Lobbies.SelectMany(lobby => lobby.Waiting), Is.Empty);
        });
    }

    [Test]
    public async Task ARoomThatNeverOpensEndsItsMembersStreamsInsteadOfLeavingThemInLimbo()
    {
        var openings = new FailingOpenings(failures: int.MaxValue);
        await using var cluster = await SwitchboardCluster.Alone(calls: openings);
        var alice = await cluster[0].Join(ChatEntry.Two) ?? throw new AssertionException("refused");
        var bob = await cluster[0].Join(ChatEntry.Two) ?? throw new AssertionException("refused");

        Assert.That(await alice.UntilEnded(), Is.EqualTo(new[] { Notices.LookingForStranger, Notices.ServerStopping }));
        Assert.That(await bob.UntilEnded(), Is.EqualTo(new[] { Notices.LookingForStranger, Notices.ServerStopping }));
        Assert.That((await cluster[0].Snapshot()).Lobbies.SelectMany(lobby => lobby.Waiting), Is.Empty);
    }

    /// <summary>Fails the first <c>failures</c> openings of rooms as an unreachable silo would.</summary>
    private sealed class FailingOpenings(int failures) : IIncomingGrainCallFilter
    {
        private int _openings;

        public int Failed => Math.Min(Volatile.Read(ref _openings), failures);

        public Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.InterfaceMethod.Name == nameof(IRoomGrain.Form) && Interlocked.Increment(ref _openings) <= failures)
            {
                throw new OrleansException("A room's silo cannot be reached (on purpose).");
            }

            return context.Invoke();
        }
    }
}
