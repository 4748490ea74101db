using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Remandzana.Web.Localisation;

namespace Remandzana.Web.Chat;

/// <summary>The send form's fixed words in one language, already HTML-encoded: made once per language, then reused by every form.</summary>
public sealed class SendFormWords
{
    public SendFormWords(IStringLocalizer T, HtmlEncoder encoder, SiteLanguage language)
    {
        string Say(LocalizedString words) => encoder.Encode(words.Value);

        Language = encoder.Encode(language.Culture);
        Direction = encoder.Encode(language.Direction);
        AskAQuestion = Say(T["Ask a question"]);
        SendAMessage = Say(T["Send a message"]);
        YourQuestion = Say(T["Your question for two strangers"]);
        TypeAMessage = Say(T["Type a message"]);
        WatchTheDiscussion = Say(T["You asked the question: watch the discussion"]);
        ChatHasEnded = Say(T["The chat has ended."]);
        Ask = Say(T["Ask"]);
        Send = Say(T["Send"]);
        SaveConversation = Say(T["Save conversation"]);
        Save = Say(T["Save"]);
        ReportTitle = Say(T["End this conversation and send its last lines to the operator"]);
        Report = Say(T["Report"]);
        Watching = Say(T["Watching"]);
        Ended = Say(T["Ended"]);
        More = Say(T["More"]);
        DontMatchAgain = Say(T[Avoiding.AvoidWords.Button]);
    }

    public string Language { get; }

    public string Direction { get; }

    public string AskAQuestion { get; }

    public string SendAMessage { get; }

    public string YourQuestion { get; }

    public string TypeAMessage { get; }

    public string WatchTheDiscussion { get; }

    public string ChatHasEnded { get; }

    public string Ask { get; }

    public string Send { get; }

    public string SaveConversation { get; }

    public string Save { get; }

    public string ReportTitle { get; }

    public string Report { get; }

    public string Watching { get; }

    public string Ended { get; }

    public string More { get; }

    public string DontMatchAgain { get; }
}
