using System.Collections.Frozen;
using System.Threading.Channels;
using Orleans;
using Orleans.Runtime;
using Remandzana.Domain.People;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Reports;

/// <summary>
/// The origins the operator barred, as this instance last heard from the whole site: a chat page
/// asks here (no call per page); <see cref="Refresh"/> reads this instance's report files, shares
/// them through <see cref="IBarsGrain"/> and takes back everyone's.
/// </summary>
public sealed class Bars(ReportStore store, OriginHashes hashes, IGrainFactory grains, ILocalSiloDetails silo, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private volatile FrozenDictionary<string, DateTimeOffset> _until = FrozenDictionary<string, DateTimeOffset>.Empty;

    /// <summary>Until when <paramref name="origin"/> is barred, or null when it is not (any more). Bars name origins by their hash (<see cref="OriginHashes"/>).</summary>
    /// <exception cref="OriginHashKeyUnavailableException">Someone is barred and the hash key cannot be read just now.</exception>
    public DateTimeOffset? Until(Origin origin)
    {
        var bars = _until;
        return bars.Count > 0 && bars.TryGetValue(hashes.Of(origin), out var until) && until > time.GetUtcNow() ? until : null;
    }

    /// <summary>
    /// Reads this instance's report files again (only changed ones are parsed), shares their bars and
    /// takes back everyone's. One at a time: a refresh that began later (after an operator's change)
    /// also asks the grain later, so an earlier one can never put back what it answered before.
    /// </summary>
    public async Task Refresh(CancellationToken cancellation)
    {
        await _refreshing.WaitAsync(cancellation);
        try
        {
            var mine = store.Bars(time.GetUtcNow());
            var all = await grains.GetGrain<IBarsGrain>(0).Publish(silo.SiloAddress.ToParsableString(), [.. mine]);
            _until = all
                .GroupBy(bar => bar.Origin, StringComparer.Ordinal)
                .ToFrozenDictionary(group => group.Key, group => group.Max(bar => bar.Until), StringComparer.Ordinal);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>Asks <see cref="BarsRefresher"/> to refresh now rather than at its next rescan (another instance's operator changed a bar).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Completes when <see cref="Wake"/> was called (once per call, however many calls came since).</summary>
    public ValueTask<bool> Woken(CancellationToken cancellation) => _wake.Reader.ReadAsync(cancellation);

    public void Dispose() => _refreshing.Dispose();
}
