using System.Text.Json.Serialization;
using Orleans;

namespace Remandzana.Web.Operator;

/// <summary>The site's filters as kept in <see cref="Cluster.ClusterServices.SiteStorage"/>, in the order they were added, and the version each instance compares.</summary>
[GenerateSerializer]
public sealed class StoredFilters
{
    [Id(0)] public long Version { get; set; }

    [Id(1)] public List<StoredFilter> Filters { get; set; } = [];

    [JsonIgnore]
    public Domain.Moderation.ChatFilters Compiled => Domain.Moderation.ChatFilters.From(Filters.Select(filter => filter.ToRule()));
}
