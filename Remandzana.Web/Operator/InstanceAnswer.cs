using Remandzana.Web.Cluster;

namespace Remandzana.Web.Operator;

/// <summary>An answer asked of another instance for the console: the answer, or null when it failed or took too long.</summary>
public static class InstanceAnswer
{
    /// <returns>The answer; null when the call failed as the cluster fails (<see cref="ClusterFailure"/>) or had not answered within <paramref name="timeout"/>.</returns>
    public static async Task<T?> Within<T>(Func<Task<T>> ask, TimeSpan timeout, TimeProvider time)
        where T : class
    {
        try
        {
            return await ask().WaitAsync(timeout, time);
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            return null;
        }
    }
}
