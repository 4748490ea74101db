using System.Collections.Frozen;
using Orleans;
using Orleans.Runtime;
using Remandzana.Domain.People;
using Remandzana.Web.Cluster;

namespace Remandzana.Web.Reports;

/// <summary>
/// The origins the operator barred, as this instance last heard from the whole site: a chat page
/// asks here (no call per page); <see cref="Refresh"/> reads this instance's report files, shares
/// them through <see cref="IBarsGrain"/> and takes back everyone's.
/// </summary>
public sealed class Bars(ReportStore store, IGrainFactory grains, ILocalSiloDetails silo, TimeProvider time)
{
    private volatile FrozenDictionary<string, DateTimeOffset> _until = FrozenDictionary<string, DateTimeOffset>.Empty;

    /// <summary>Until when <paramref name="origin"/> is barred, or null when it is not (any more).</summary>
    public DateTimeOffset? Until(Origin origin) =>
        _until.TryGetValue(origin.Value, out var until) && until > time.GetUtcNow() ? until : null;

    public async Task Refresh(CancellationToken cancellation)
    {
        var mine = await store.BarsAsync(time.GetUtcNow(), cancellation);
        var all = await grains.GetGrain<IBarsGrain>(0).Publish(silo.SiloAddress.ToParsableString(), [.. mine]);
        _until = all
            .GroupBy(bar => bar.Origin, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.Max(bar => bar.Until), StringComparer.Ordinal);
    }
}
