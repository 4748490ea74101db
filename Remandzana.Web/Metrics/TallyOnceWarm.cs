using Remandzana.Web.Health;

namespace Remandzana.Web.Metrics;

/// <summary>Counts nothing while the instance warms up: the footer's "messages today" is what visitors said, not what the instance said to itself.</summary>
public sealed class TallyOnceWarm(IRelayTally tally, Readiness readiness) : IRelayTally
{
    public void Record()
    {
        if (readiness.IsWarm)
        {
            tally.Record();
        }
    }
}
