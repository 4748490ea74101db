namespace Remandzana.Web.Operator;

/// <summary>/operator/reports: the open (or closed) reports newest first, a page at a time, or one report (OneFile); what was just done; a refused form.</summary>
public sealed record ReportsPageModel(IReadOnlyList<ReportCard> Reports, bool Closed, int Page, bool More, string? OneFile, string? Done, ConsoleAttempt? Attempt);
