using Orleans;
using Orleans.Runtime;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Reports;

namespace Remandzana.Web.Operator;

/// <summary>
/// The operator's kick, carried out through the grains the chat already has, so it reaches people on
/// every instance: global chat's room finds them by nickname; each instance finds the people a report
/// names among its streams (by their origin's hash). A bar goes into the report files like any other
/// and is shared with every instance at once.
/// </summary>
public sealed class Kicks(
    IGrainFactory grains,
    InstanceClient instances,
    IClusterMembershipService membership,
    ReportStore reports,
    OriginHashes hashes,
    BarsApplied bars,
    TimeProvider time)
{
    public async Task<KickOutcome> Nicknamed(string nickname, KickOrder order, CancellationToken cancellation)
    {
        var removed = await grains.GetGrain<IRoomGrain>(RoomGrain.GlobalKey).RemoveNicknamed(nickname, order.Message);
        DateTimeOffset? until = null;
        if (order.Bar is { } bar && removed.Length > 0)
        {
            until = time.GetUtcNow() + bar;
            var barred = removed.Where(person => person.Origin is not null).Select(person => (person.Name, new Origin(person.Origin!)));
            await reports.AddBarAsync("Global", barred, until.Value, $"Kicked from global chat by the operator: {order.Message}");
            await bars.Now(cancellation);
        }

        return new KickOutcome([.. removed.Select(person => person.Name)], until);
    }

    /// <returns>Null when there is no report <paramref name="file"/>.</returns>
    public async Task<KickOutcome?> Reported(string file, KickOrder order, CancellationToken cancellation)
    {
        if (reports.Find(file) is not { Report: var report })
        {
            return null;
        }

        string[] named = [.. report.Reported.Select(reported => hashes.Stored(reported.Origin))];
        var silos = membership.CurrentSnapshot.Members.Values.Where(member => member.Status == SiloStatus.Active).ToList();
        var answers = await Task.WhenAll(silos.Select(silo => instances.At(silo.SiloAddress).RemoveOrigins(named, order.Message)));
        DateTimeOffset? until = null;
        if (order.Bar is { } bar)
        {
            until = time.GetUtcNow() + bar;
            reports.BarEveryoneNamed(file, until.Value);
            await bars.Now(cancellation);
        }

        return new KickOutcome([.. answers.SelectMany(answer => answer).Select(person => person.Name)], until);
    }
}
