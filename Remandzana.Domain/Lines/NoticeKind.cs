namespace Remandzana.Domain.Lines;

/// <summary>What a system line is about; pages may show kinds differently.</summary>
public enum NoticeKind
{
    Waiting,
    Found,
    Question,
    Joined,
    Left,
    Ended,
    NotTalkingYet,
    CommandAnswer,
    Moderation,
    ServerStopping,
    Dropped,
    Back,
}
