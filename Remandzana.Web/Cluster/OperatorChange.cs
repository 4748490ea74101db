namespace Remandzana.Web.Cluster;

/// <summary>What the operator changed from the console, for the other instances to read again now rather than at their next rescan.</summary>
public enum OperatorChange
{
    /// <summary>A bar was set or lifted in a report file: refresh the bars (<see cref="Reports.Bars.Wake"/>).</summary>
    Bars,

    /// <summary>A feedback file was changed, added or deleted: list the feedback folder again.</summary>
    Feedback,
}
