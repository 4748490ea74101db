using Remandzana.Domain.Metrics;

namespace Remandzana.Web.Metrics;

/// <summary>One instance: the count is this process's own.</summary>
public sealed class LocalRelayTally(MessageCounter counter) : IRelayTally
{
    public void Record() => counter.Record();
}
