using Remandzana.Web.Feedback;

namespace Remandzana.Web.Operator;

/// <summary>/operator/feedback: every entry newest first, a page at a time; the longest text; what was just done; a refused form.</summary>
public sealed record FeedbackConsolePageModel(IReadOnlyList<FeedbackView> Entries, int Page, bool More, int MaxLength, string? Done, ConsoleAttempt? Attempt);
