using System.Diagnostics.Metrics;

namespace Remandzana.Web.Reports;

/// <summary>The reports counter on the site's meter ("Remandzana"), which /metrics exports.</summary>
public sealed class ReportMetrics
{
    private readonly Counter<long> _reports;

    public ReportMetrics(IMeterFactory meters) =>
        _reports = meters.Create("Remandzana").CreateCounter<long>("remandzana.reports", unit: "{report}", description: "Reports of strangers stored for the operator.");

    public void Stored(string mode) => _reports.Add(1, new KeyValuePair<string, object?>("mode", mode));
}
