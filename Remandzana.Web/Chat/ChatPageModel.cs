namespace Remandzana.Web.Chat;

/// <summary>The chat page's preamble: which page, and the first send form.</summary>
public sealed record ChatPageModel(ChatPage Page, SendFormModel Form);
