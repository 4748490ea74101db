using Remandzana.Domain.Lines;
using Remandzana.Domain.People;

namespace Remandzana.Domain.Rooms;

/// <summary>
/// One asker watching two discussers. Discussers see "You" and "Stranger"; the asker sees them
/// as Alice and Bob. Goes on until one person is left.
/// </summary>
public sealed class QuestionRoom(string id, DateTimeOffset createdAt, string question) : Room(id, createdAt)
{
    public override Mode Mode => Mode.Question;

    public string Question { get; } = question;

    public override Speaker Appearance(Member subject, Person viewer)
    {
        if (viewer.Role == Role.Asker)
        {
            return Speakers.Lettered(subject.IndexInRole, isViewer: false);
        }

        return ReferenceEquals(subject.Person, viewer) ? Speakers.You : Speakers.Stranger;
    }

    internal override void AnnounceFormed()
    {
        TellEach(member => member.Person.Role == Role.Asker
            ? new SystemLine(NoticeKind.Found, Notices.FoundDiscussers)
            : new SystemLine(NoticeKind.Found, Notices.FoundDiscussionPartner));
        TellEach(member => member.Person.Role == Role.Asker
            ? null
            : new SystemLine(NoticeKind.Question, Notices.QuestionIs(Question)));
    }

    protected override void AnnounceLeft(Member departed) =>
        TellEach(member => new SystemLine(NoticeKind.Left, NoticeFor(departed, member.Person)));

    protected override void AnnounceDropped(Member dropped, int graceSeconds) =>
        TellOthers(dropped, member => new SystemLine(NoticeKind.Dropped, dropped.Person.Role == Role.Asker
            ? Notices.AskerDropped(graceSeconds)
            : member.Person.Role == Role.Asker ? Notices.HasDropped(Appearance(dropped, member.Person).Name, graceSeconds) : Notices.StrangerDropped(graceSeconds)));

    protected override void AnnounceBack(Member returned) =>
        TellOthers(returned, member => new SystemLine(NoticeKind.Back, returned.Person.Role == Role.Asker
            ? Notices.AskerIsBack
            : member.Person.Role == Role.Asker ? Notices.IsBack(Appearance(returned, member.Person).Name) : Notices.StrangerIsBack));

    private Notice NoticeFor(Member departed, Person viewer)
    {
        if (departed.Person.Role == Role.Asker)
        {
            return Notices.AskerLeft;
        }

        return viewer.Role == Role.Asker ? Notices.HasLeft(Appearance(departed, viewer).Name) : Notices.StrangerLeft;
    }
}
