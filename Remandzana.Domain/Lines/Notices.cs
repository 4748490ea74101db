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

    public static Notice YourQuestion(string question) => Notice.Of("Your question: {0}", NoticeArgument.Data(question));

    public static Notice QuestionIs(string question) => Notice.Of("Question: {0}", NoticeArgument.Data(question));

    public static Notice HasLeft(string name) => Notice.Of("{0} has left.", NoticeArgument.Data(name));

    public static Notice Joined(string name) => Joined(NoticeArgument.Data(name));

    /// <param name="name">A nickname (data) or the site's "Anonymous" (a wording, translated).</param>
    public static Notice Joined(NoticeArgument name) => Notice.Of("{0} joined.", name);

    public static Notice Left(string name) => Left(NoticeArgument.Data(name));

    public static Notice Left(NoticeArgument name) => Notice.Of("{0} left.", name);

    public static Notice YouAre(string name) => Notice.Of("You are {0}.", NoticeArgument.Data(name));

    /// <summary>Three strangers: found, and which name is the viewer's.</summary>
    public static Notice FoundTwoStrangersAs(string name) => Notice.Of("You're now chatting with two random strangers. Say hi! You are {0}.", NoticeArgument.Data(name));

    public static Notice Welcome(int present) => present == 1
        ? new Notice("Welcome to global chat. You are the only one here; type /help for commands.")
        : Notice.Of("Welcome to global chat. {0} people are here, you included; type /help for commands.", NoticeArgument.Data(present));

    public const string Help = "Commands: /help (this list), /ping (check the connection), /nick NAME (choose a display name: letters, digits, _ and -, at most 24 characters).";

    public static Notice NickChanged(string nick) => Notice.Of("You are now known as {0}.", NoticeArgument.Data(nick));

    public static Notice UnknownCommand(string command) => Notice.Of("Unknown command {0}. Type /help for the list.", NoticeArgument.Data(command));

    public static Notice Suppressed(string reason) => Notice.Of("Your message was not sent: {0}.", NoticeArgument.Wording(reason));

    /// <summary>The last suppression: what comes next.</summary>
    public static Notice SuppressedLastTime(string reason, Consequence next) => next == Consequence.Kick
        ? Notice.Of("Your message was not sent: {0}. This was your last warning: next time you will be removed from the conversation.", NoticeArgument.Wording(reason))
        : Notice.Of("Your message was not sent: {0}. This was your last warning: next time you will be exiled from this site.", NoticeArgument.Wording(reason));

    public static Notice Kicked(string reason) => Notice.Of("You were removed from the conversation: {0}.", NoticeArgument.Wording(reason));

    /// <summary>The operator removed the reader; <paramref name="message"/> is the operator's own text, shown as written.</summary>
    public static Notice RemovedByOperator(string message) => Notice.Of("The operator removed you from the conversation: {0}", NoticeArgument.Data(message));

    public static Notice Exiled(string reason) => Notice.Of("You have been exiled site-wide: {0}.", NoticeArgument.Wording(reason));

    public static Notice QuestionRefused(string reason) => Notice.Of("Your question was not accepted: {0}. Try another one.", NoticeArgument.Wording(reason));

    public const string NoSharedInterests = "No one shares your interests right now; looking for anyone.";

    /// <summary>A room of two that formed on a shared interest: "You both like music".</summary>
    public static Notice YouBothLike(IEnumerable<string> interests) => Notice.Of("You both like {0}.", NoticeArgument.Data(string.Join(", ", interests)));

    /// <summary>A bigger room in which some members share interests.</summary>
    public static Notice SharedInterests(IEnumerable<string> interests) => Notice.Of("Interests you share here: {0}.", NoticeArgument.Data(string.Join(", ", interests)));

    public const string StrangerIsBack = "Stranger is back.";
    public const string AskerIsBack = "The person who asked the question is back.";
    public const string YouAreBack = "You're back in the conversation.";
    public const string TakenOver = "This conversation went on in another page.";

    /// <summary>A member's stream ended without a leave: the others wait for them a while (issue 25).</summary>
    public static Notice StrangerDropped(int seconds) => Notice.Of("Stranger's connection dropped — waiting up to {0} s.", NoticeArgument.Data(seconds));

    public static Notice HasDropped(string name, int seconds) => Notice.Of("{0}'s connection dropped — waiting up to {1} s.", NoticeArgument.Data(name), NoticeArgument.Data(seconds));

    public static Notice AskerDropped(int seconds) => Notice.Of("The connection of the person who asked the question dropped — waiting up to {0} s.", NoticeArgument.Data(seconds));

    public static Notice IsBack(string name) => Notice.Of("{0} is back.", NoticeArgument.Data(name));
}
