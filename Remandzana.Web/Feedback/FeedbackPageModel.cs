using Remandzana.Domain.Lines;

namespace Remandzana.Web.Feedback;

/// <summary>The feedback page: the form (with what was typed and why it was refused) and the visible entries.</summary>
public sealed record FeedbackPageModel(IReadOnlyList<FeedbackEntry> Entries, int MaxLength, string Text = "", Notice? Error = null);
