using Remandzana.Domain.Lines;

namespace Remandzana.Web.Chat;

/// <summary>A friendly page for a refusal (403, 404, 429, 503): what happened and what to do, in the viewer's language.</summary>
public sealed record ProblemModel(Notice Title, Notice Detail)
{
    /// <summary>The "New conversation" links to offer besides Home, when the page is about a conversation.</summary>
    public IReadOnlyList<(string Path, string Label)>? StartOver { get; init; }

    /// <summary>How every page and form says that the chat cannot be reached just now.</summary>
    public const string Unavailable = "The chat service is temporarily unavailable";

    /// <summary>The cluster or its Redis cannot be reached: said the same on every page that needs it.</summary>
    public static readonly ProblemModel ChatUnavailable = new("Chat is temporarily unavailable", $"{Unavailable}. Try again in a moment.");
}
