using Remandzana.Domain.Lines;

namespace Remandzana.Web.Reports;

/// <summary>What the send iframe shows after the Report button: the conversation has ended, and why or what happens next.</summary>
/// <param name="AvoidToken">The reporter's token for "Don't match me with them again", when the report was taken (not in global chat).</param>
public sealed record ReportAnswerModel(Notice Message, string? AvoidToken = null);
