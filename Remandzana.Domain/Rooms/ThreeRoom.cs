using Remandzana.Domain.Lines;
using Remandzana.Domain.People;

namespace Remandzana.Domain.Rooms;

/// <summary>Three strangers: Alice, Bob and Charlie; goes on until only one is left.</summary>
public sealed class ThreeRoom(string id, DateTimeOffset createdAt) : Room(id, createdAt)
{
    public override Mode Mode => Mode.Three;

    public override Speaker Appearance(Member subject, Person viewer) =>
        Speakers.Lettered(subject.IndexInRole, ReferenceEquals(subject.Person, viewer));

    internal override void AnnounceFormed() =>
        TellEach(member => new SystemLine(
            NoticeKind.Found,
            Notices.FoundTwoStrangersAs(Speakers.Lettered(member.IndexInRole, isViewer: false).Name)));

    protected override void AnnounceLeft(Member departed) =>
        TellEach(member => new SystemLine(NoticeKind.Left, Notices.HasLeft(Appearance(departed, member.Person).Name)));

    protected override void AnnounceDropped(Member dropped, int graceSeconds) =>
        TellOthers(dropped, member => new SystemLine(NoticeKind.Dropped, Notices.HasDropped(Appearance(dropped, member.Person).Name, graceSeconds)));

    protected override void AnnounceBack(Member returned) =>
        TellOthers(returned, member => new SystemLine(NoticeKind.Back, Notices.IsBack(Appearance(returned, member.Person).Name)));
}
