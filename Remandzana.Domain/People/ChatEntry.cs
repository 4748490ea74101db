namespace Remandzana.Domain.People;

/// <summary>The page a person opened to join: decides the lobbies they wait in and their role.</summary>
public enum ChatEntry
{
    Two,
    Three,
    QuestionAsk,
    QuestionDiscuss,
    Global,
    Any,
}
