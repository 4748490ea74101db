using Orleans;
using Remandzana.Domain.Lines;
using Remandzana.Web.Grains;
using Remandzana.Web.Metrics;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>
/// The one place rooms open, whichever turn of the matchmaker made them possible (a join, a
/// question, a retried match, a recovery): each opens on this silo and is counted, and the members
/// of one that fails to open go back to the matchmaker, to be matched again (their page still
/// shows that they wait), instead of being left in neither a lobby nor a room. After a few failures
/// in a row they are told to start again.
/// </summary>
public sealed partial class RoomOpening(IGrainFactory grains, InstanceClient instances, SiteMetrics metrics, ILogger<RoomOpening> log)
{
    /// <summary>Openings tried for the same people before their streams end with the restart notice.</summary>
    private const int Attempts = 3;

    /// <summary>Opens every room; throws only when failed members could not even be put back.</summary>
    public async Task Open(IReadOnlyList<FormationMessage> formed)
    {
        for (var attempt = 1; formed.Count > 0; attempt++)
        {
            var failed = (await Task.WhenAll(formed.Select(TryOpen))).OfType<FormationMessage>().ToList();
            metrics.RoomsFormed(formed.Count - failed.Count);
            if (failed.Count == 0)
            {
                return;
            }

            var members = failed.SelectMany(formation => formation.Members).ToArray();
            if (attempt == Attempts)
            {
                LogGaveUp(log, members.Length, attempt);
                await Task.WhenAll(members.GroupBy(member => member.Home).Select(home => instances.At(home.Key).Tell([.. home.Select(Ended)])));
                return;
            }

            formed = await grains.GetGrain<IMatchmakingGrain>(0).TakeBack(members);
        }
    }

    private async Task<FormationMessage?> TryOpen(FormationMessage formation)
    {
        try
        {
            await grains.GetGrain<IRoomGrain>(formation.RoomId).Form(formation);
            return null;
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            LogOpeningFailed(log, formation.RoomId, e.Message);
            return formation;
        }
    }

    private static PersonDelivery Ended(Arrival member) =>
        new(member.PersonId, null, [new SystemLine(NoticeKind.ServerStopping, Notices.ServerStopping)], true, null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Room {RoomId} did not open, its members go back to the matchmaker: {Reason}")]
    private static partial void LogOpeningFailed(ILogger logger, string roomId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} people's room failed to open {Attempts} times: their streams end")]
    private static partial void LogGaveUp(ILogger logger, int count, int attempts);
}
