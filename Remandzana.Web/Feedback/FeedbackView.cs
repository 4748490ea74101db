namespace Remandzana.Web.Feedback;

/// <summary>A feedback entry in the console: its file's name (what a form names it by) and what it holds.</summary>
public sealed record FeedbackView(string File, FeedbackEntry Entry);
