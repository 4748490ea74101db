using Remandzana.Web.Cluster;
using Remandzana.Web.Reports;

namespace Remandzana.Web.Operator;

/// <summary>
/// Makes a bar the console set or lifted in a report file take effect everywhere at once: this
/// instance refreshes its bars now (its files, then the grain), then tells every other instance to do
/// the same (<see cref="OperatorChanges"/>), instead of all of them waiting for the next rescan.
/// </summary>
public sealed partial class BarsApplied(Bars bars, OperatorChanges changes, ILogger<BarsApplied> logger)
{
    public async Task Now(CancellationToken cancellation)
    {
        try
        {
            await bars.Refresh(cancellation);
        }
        catch (Exception e) when (ClusterFailure.Is(e) || e is IOException or OriginHashKeyUnavailableException)
        {
            // The file holds the decision: the next rescan applies it.
            LogNotApplied(e.Message);
        }

        changes.Announce(OperatorChange.Bars);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A bar the operator changed is in its report file but could not be shared at once; the next rescan shares it: {Reason}")]
    private partial void LogNotApplied(string reason);
}
