using Remandzana.Domain.Lines;

namespace Remandzana.Web.Chat;

/// <summary>The send form inside the chat page's iframe.</summary>
/// <param name="Token">The person's credential for the next post (null when the field is disabled).</param>
/// <param name="Text">What the person typed, kept when it was not sent.</param>
/// <param name="Error">Why the text was not sent, if it was refused (shown in the viewer's language).</param>
public sealed record SendFormModel(SendFormState State, string? Token, string Text = "", Notice? Error = null);
