using Orleans;
using Remandzana.Domain.Moderation;
using Remandzana.Web.Grains;

namespace Remandzana.Web.Operator;

/// <summary>
/// This instance's copy of the site's filters, compiled once per change: a room reads
/// <see cref="Current"/> for each message (a field, no call); <see cref="SharedCopiesWatch"/> refreshes it.
/// </summary>
public sealed class ChatFilterBook(IGrainFactory grains) : ISharedCopy
{
    private volatile Kept _kept = new(0, ChatFilters.None);

    public ChatFilters Current => _kept.Filters;

    public string What => "The filters";

    private IChatFiltersGrain Grain => grains.GetGrain<IChatFiltersGrain>(0);

    /// <summary>Takes what the site keeps, when it changed since the last time.</summary>
    public async Task Refresh()
    {
        if (await Grain.Since(_kept.Version) is { } stored)
        {
            Take(stored);
        }
    }

    public async Task<FilterChange> Add(FilterRule rule)
    {
        var change = await Grain.Add(StoredFilter.Of(rule));
        Take(change.Kept);
        return change;
    }

    public async Task<FilterChange> Remove(string id)
    {
        var change = await Grain.Remove(id);
        Take(change.Kept);
        return change;
    }

    private void Take(StoredFilters stored)
    {
        if (stored.Version != _kept.Version)
        {
            _kept = new Kept(stored.Version, stored.Compiled);
        }
    }

    private sealed record Kept(long Version, ChatFilters Filters);
}
