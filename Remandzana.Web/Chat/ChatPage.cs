using Remandzana.Domain.People;

namespace Remandzana.Web.Chat;

/// <summary>A chat page's address, title and the links its navigation bar offers to start over.</summary>
public sealed record ChatPage(ChatEntry Entry, string Path, string Title, string Summary)
{
    public static readonly ChatPage Two = new(ChatEntry.Two, "/two", "Two strangers", "Talk one to one with a random stranger.");
    public static readonly ChatPage Three = new(ChatEntry.Three, "/three", "Three strangers", "Talk with two random strangers at once: Alice, Bob and Charlie.");
    public static readonly ChatPage Ask = new(ChatEntry.QuestionAsk, "/question/ask", "Ask a question", "Ask a question and watch two strangers discuss it.");
    public static readonly ChatPage Discuss = new(ChatEntry.QuestionDiscuss, "/question/discuss", "Discuss a question", "Discuss a stranger's question with another stranger while its author watches.");
    public static readonly ChatPage Global = new(ChatEntry.Global, "/global", "Global chat", "One room for everyone who is here.");
    public static readonly ChatPage Any = new(ChatEntry.Any, "/any", "Any mode", "Wait for two-person, three-person and question chats at once; the first to start wins.");

    public static readonly IReadOnlyList<ChatPage> All = [Two, Three, Ask, Discuss, Global, Any];


    /// <summary>The "New conversation" links: question mode offers both sides.</summary>
    public IReadOnlyList<(string Path, string Label)> StartOver => Entry switch
    {
        ChatEntry.QuestionAsk or ChatEntry.QuestionDiscuss => [(Discuss.Path, "Discuss a question"), (Ask.Path, "Ask a question")],
        _ => [(Path, "New conversation")],
    };
}
