using Remandzana.Domain.Lines;
using Remandzana.Domain.People;

namespace Remandzana.Domain.Rooms;

/// <summary>Two strangers: "You" and "Stranger"; over when one leaves.</summary>
public sealed class TwoRoom(string id, DateTimeOffset createdAt) : Room(id, createdAt)
{
    public override Mode Mode => Mode.Two;

    public override Speaker Appearance(Member subject, Person viewer) =>
        ReferenceEquals(subject.Person, viewer) ? Speakers.You : Speakers.Stranger;

    internal override void AnnounceFormed() =>
        TellEach(_ => new SystemLine(NoticeKind.Found, Notices.FoundStranger));

    protected override Notice OverNotice => Notices.ConversationOver;

    protected override void AnnounceLeft(Member departed) =>
        TellEach(_ => new SystemLine(NoticeKind.Left, Notices.StrangerLeft));

    protected override void AnnounceDropped(Member dropped, int graceSeconds) =>
        TellOthers(dropped, _ => new SystemLine(NoticeKind.Dropped, Notices.StrangerDropped(graceSeconds)));

    protected override void AnnounceBack(Member returned) =>
        TellOthers(returned, _ => new SystemLine(NoticeKind.Back, Notices.StrangerIsBack));
}
