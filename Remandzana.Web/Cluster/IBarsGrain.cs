using Orleans;
using Remandzana.Web.Reports;

namespace Remandzana.Web.Cluster;

/// <summary>The operator's bars, shared by every instance (key 0): each one publishes those it read in its report files.</summary>
public interface IBarsGrain : IGrainWithIntegerKey
{
    /// <summary>Replaces what <paramref name="instance"/> read; returns every instance's bars.</summary>
    Task<Bar[]> Publish(string instance, Bar[] bars);
}
