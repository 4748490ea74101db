using Remandzana.Web.Reports;

namespace Remandzana.Web.Operator;

/// <summary>A report as the console shows it: its file (what its forms name it by), what it holds, and each name it reports with its bar.</summary>
public sealed record ReportCard(string File, ReportEntry Report, IReadOnlyList<ReportedCard> People)
{
    /// <summary>Whether a bar decided in it still holds (it cannot be reopened until lifted).</summary>
    public bool Barred => People.Any(person => person.InForce);

    /// <summary>Dismissed, or a bar decided on someone it names (<see cref="ReportStore.IsClosed"/>).</summary>
    public bool Closed => ReportStore.IsClosed(Report);
}
