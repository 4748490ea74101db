using Orleans.Runtime;
using Orleans.Storage;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;
using StackExchange.Redis;

namespace Remandzana.Web.Cluster;

/// <summary>The failures that mean "the cluster or its storage cannot be reached right now", not a bug.</summary>
public static class ClusterFailure
{
    public static bool Is(Exception e) => e is OrleansException or TimeoutException or RedisException or InconsistentStateException or OperationCanceledException;
}
