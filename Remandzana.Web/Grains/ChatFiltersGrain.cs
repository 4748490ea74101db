using Orleans;
using Orleans.Runtime;
using Remandzana.Web.Cluster;
using Remandzana.Web.Operator;

namespace Remandzana.Web.Grains;

/// <summary>The one place the filters change, one change at a time, so the limits hold whoever adds at once.</summary>
public sealed class ChatFiltersGrain(
    [PersistentState("filters", ClusterServices.SiteStorage)] IPersistentState<StoredFilters> state,
    TimeProvider time) : Grain, IChatFiltersGrain
{
    public Task<StoredFilters?> Since(long version) =>
        Task.FromResult(state.State.Version == version ? null : state.State);

    public async Task<FilterChange> Add(StoredFilter filter)
    {
        if (state.State.Compiled.TryAdd(filter.ToRule(), out var problem) is null)
        {
            return new FilterChange(state.State, problem);
        }

        state.State.Filters.Add(filter);
        await Keep();
        return new FilterChange(state.State, null);
    }

    public async Task<FilterChange> Remove(string id)
    {
        if (state.State.Filters.RemoveAll(filter => filter.Id == id) == 0)
        {
            return new FilterChange(state.State, "There is no such filter (it may have been removed already).");
        }

        await Keep();
        return new FilterChange(state.State, null);
    }

    private async Task Keep()
    {
        // The clock's ticks, not a count: were the store lost, the next change still outnumbers what instances kept.
        state.State.Version = Math.Max(state.State.Version + 1, time.GetUtcNow().UtcTicks);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not kept, so not in force: the next activation reads what the store holds.
            DeactivateOnIdle();
            throw;
        }
    }
}
