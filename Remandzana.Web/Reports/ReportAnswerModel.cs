using Remandzana.Domain.Lines;

namespace Remandzana.Web.Reports;

/// <summary>What the send iframe shows after the Report button: the conversation has ended, and why or what happens next.</summary>
public sealed record ReportAnswerModel(Notice Message);
