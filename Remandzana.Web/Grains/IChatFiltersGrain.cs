using Orleans;
using Remandzana.Web.Operator;

namespace Remandzana.Web.Grains;

/// <summary>
/// The operator's filters (key 0), kept in <see cref="Cluster.ClusterServices.SiteStorage"/>. Each
/// instance keeps a compiled copy (<see cref="ChatFilterBook"/>) that it refreshes from here, so a
/// room reads a field per message, never this grain.
/// </summary>
public interface IChatFiltersGrain : IGrainWithIntegerKey
{
    /// <returns>What is kept, or null when its version is still <paramref name="version"/>.</returns>
    Task<StoredFilters?> Since(long version);

    /// <summary>Adds <paramref name="filter"/> unless the domain refuses it (<see cref="Domain.Moderation.ChatFilters.TryAdd"/>).</summary>
    Task<FilterChange> Add(StoredFilter filter);

    Task<FilterChange> Remove(string id);
}
