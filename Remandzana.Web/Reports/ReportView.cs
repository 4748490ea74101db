namespace Remandzana.Web.Reports;

/// <summary>An open report in the debug view: its file's name (to edit it) and what it holds.</summary>
public sealed record ReportView(string File, ReportEntry Report);
