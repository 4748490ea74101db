using Orleans.Runtime;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>
/// Watches the cluster's membership. When another silo dies, this instance's people who were in a
/// room with someone there are told (the room leaves those members), and its waiting people are
/// put back if the matchmaker was lost with that silo.
/// </summary>
public sealed partial class SiloWatch(IClusterMembershipService membership, LocalSessions sessions, RoomOpening opening, ILogger<SiloWatch> logger) : BackgroundService
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    private readonly HashSet<SiloAddress> _lost = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                foreach (var member in snapshot.Members.Values)
                {
                    if (member.Status == SiloStatus.Dead && !member.SiloAddress.Equals(sessions.Home) && _lost.Add(member.SiloAddress))
                    {
                        LogSiloLost(member.SiloAddress.ToString(), member.Name);
                        _ = Recover(member.SiloAddress, snapshot.Version.Value, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task Recover(SiloAddress dead, long version, CancellationToken stopping)
    {
        for (var attempt = 1; attempt <= 5 && !stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                var present = sessions.All.Where(session => !session.Left).ToList();
                var rooms = present.Select(session => session.RoomId).OfType<string>().Distinct();
                await Task.WhenAll(rooms.Select(room => sessions.Room(room).InstanceLost(dead)));
                var waiting = present
                    .Where(session => session.RoomId is null && session.Entry != Domain.People.ChatEntry.Global)
                    .Select(session => session.Arrival)
                    .ToArray();
                var formed = await sessions.Matchmaking.Recover(dead, version, waiting);
                await opening.Open(formed);
                return;
            }
            catch (Exception e) when (ClusterFailure.Is(e))
            {
                LogRecoveryFailed(dead.ToString(), attempt, e.Message);
                await Task.Delay(Retry, stopping);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} ({Name}) is dead: its people leave their rooms and lobbies")]
    private partial void LogSiloLost(string silo, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovering from the loss of silo {Silo} failed (attempt {Attempt}): {Reason}")]
    private partial void LogRecoveryFailed(string silo, int attempt, string reason);
}
