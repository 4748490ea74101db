using Remandzana.Web.Reports;

namespace Remandzana.Web.Operator;

/// <summary>/operator/bars: every bar in force in this instance's reports, what was just done, and why a lift was refused.</summary>
public sealed record BarsPageModel(IReadOnlyList<BarInForce> Bars, string? Done, string? Problem);
