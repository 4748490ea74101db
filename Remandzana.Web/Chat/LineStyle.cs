using Remandzana.Domain.Lines;

namespace Remandzana.Web.Chat;

/// <summary>CSS class names for speakers' colours and notice kinds.</summary>
public static class LineStyle
{
    public static string For(SpeakerColour colour) => colour switch
    {
        SpeakerColour.You => "you",
        SpeakerColour.Stranger => "stranger",
        SpeakerColour.Alice => "alice",
        SpeakerColour.Bob => "bob",
        SpeakerColour.Charlie => "charlie",
        SpeakerColour.Anonymous => "anonymous",
        _ => "nicknamed",
    };

    public static string For(NoticeKind kind) => kind switch
    {
        NoticeKind.Waiting => "waiting",
        NoticeKind.Found => "found",
        NoticeKind.Question => "question",
        NoticeKind.Joined => "joined",
        NoticeKind.Left => "left",
        NoticeKind.Ended => "ended",
        NoticeKind.NotTalkingYet => "not-talking",
        NoticeKind.CommandAnswer => "answer",
        NoticeKind.Moderation => "moderation",
        NoticeKind.Dropped => "dropped",
        NoticeKind.Back => "back",
        _ => "stopping",
    };
}
