using Remandzana.Domain.Lines;

namespace Remandzana.Web.Chat;

/// <summary>The send form inside the chat page's iframe.</summary>
/// <param name="Token">
/// The person's credential for the next post: a message or question, or (in a disabled form, the
/// asker watching or the chat ended) saving the conversation. Null when the form cannot post at all.
/// </param>
/// <param name="Text">What the person typed, kept when it was not sent.</param>
/// <param name="Error">Why the text was not sent, if it was refused (shown in the viewer's language).</param>
/// <param name="CanAvoid">Ended, and the matchmaker knows whom they met: the form offers "Don't match me with them again".</param>
public sealed record SendFormModel(SendFormState State, string? Token, string Text = "", Notice? Error = null, bool CanAvoid = false);
