namespace Remandzana.Web.Operator;

/// <summary>What a new chat page answers while the lockdown closes new chats (503).</summary>
public static class ClosedPage
{
    public const string View = "Closed";

    /// <summary>A lockdown lasts as long as the operator wants: five minutes is a guess that keeps polite scripts from knocking every second.</summary>
    public const string RetryAfterSeconds = "300";

    public const string Title = "Closed for now";

    public const string Detail = "New chats are closed for now. Conversations already open go on. Try again later.";
}
