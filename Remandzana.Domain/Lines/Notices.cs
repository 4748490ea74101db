using Remandzana.Domain.Moderation;

namespace Remandzana.Domain.Lines;

/// <summary>The words of every system line, in one place.</summary>
public static class Notices
{
    public const string LookingForStranger = "Looking for a stranger you can chat with…";
    public const string LookingForTwoStrangers = "Looking for two strangers you can chat with…";
    public const string LookingForPeople = "Looking for people you can chat with…";
    public const string AskForQuestion = "Type a question for two strangers to discuss.";
    public const string LookingForDiscussers = "Looking for two strangers to discuss your question…";
    public const string LookingForQuestion = "Looking for a question to discuss…";
    public const string FoundStranger = "You're now chatting with a random stranger. Say hi!";
    public const string FoundTwoStrangers = "You're now chatting with two random strangers. Say hi!";
    public const string FoundDiscussionPartner = "You're now discussing a question with a random stranger.";
    public const string FoundDiscussers = "Two strangers were found. They are discussing your question; you can watch but not speak.";
    public const string StrangerLeft = "Stranger has disconnected.";
    public const string AskerLeft = "The person who asked the question has left.";
    public const string EveryoneElseLeft = "Everyone else has left. The conversation is over.";
    public const string ConversationOver = "The conversation is over. Start a new one from the bar above.";
    public const string NotTalkingYet = "You're not talking to anyone yet!";
    public const string ServerStopping = "The server is restarting — start a new conversation.";
    public const string Pong = "Pong.";
    public const string ReportThanks = "Thanks, the operator will look at it.";
    public const string ReportThanksLine = ReportThanks + " Start a new conversation from the bar above.";
    public const string NobodyToReport = "There is nobody to report yet.";

    public static string YourQuestion(string question) => $"Your question: {question}";

    public static string QuestionIs(string question) => $"Question: {question}";

    public static string HasLeft(string name) => $"{name} has left.";

    public static string Joined(string name) => $"{name} joined.";

    public static string Left(string name) => $"{name} left.";

    public static string YouAre(string name) => $"You are {name}.";

    public static string Welcome(int present) => present == 1
        ? "Welcome to global chat. You are the only one here; type /help for commands."
        : $"Welcome to global chat. {present} people are here, you included; type /help for commands.";

    public const string Help = "Commands: /help (this list), /ping (check the connection), /nick NAME (choose a display name: letters, digits, _ and -, at most 24 characters).";

    public static string NickChanged(string nick) => $"You are now known as {nick}.";

    public static string UnknownCommand(string command) => $"Unknown command {command}. Type /help for the list.";

    public static string Suppressed(string reason) => $"Your message was not sent: {reason}.";

    public static string LastWarning(Consequence next) => next == Consequence.Kick
        ? "This was your last warning: next time you will be removed from the conversation."
        : "This was your last warning: next time you will be exiled from this site.";

    public static string Kicked(string reason) => $"You were removed from the conversation: {reason}.";

    public static string Exiled(string reason) => $"You have been exiled site-wide: {reason}.";

    public static string QuestionRefused(string reason) => $"Your question was not accepted: {reason}. Try another one.";
}
