namespace Remandzana.Web.Chat;

/// <summary>The chat page's preamble: which page, and the first send form.</summary>
public sealed record ChatPageModel(ChatPage Page, SendFormModel Form)
{
    /// <summary>The person's secret resume link (issue 25), shown when the connection light turns red.</summary>
    public string? ResumeLink { get; init; }

    /// <summary>The person's token for "Yes, end it", which ends their conversation at once.</summary>
    public string? LeaveToken { get; init; }
}
