using Remandzana.Web.Reports;

namespace Remandzana.Web.Operator;

/// <summary>/operator/kick: the form (as typed), the report it kicks from if any, and what the last kick did or why it was refused.</summary>
public sealed record KickPageModel(KickForm Form, ReportEntry? Report, string? Problem, string? Done);
