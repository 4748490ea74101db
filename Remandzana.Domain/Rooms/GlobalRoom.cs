using Remandzana.Domain.Lines;
using Remandzana.Domain.People;

namespace Remandzana.Domain.Rooms;

/// <summary>The one ongoing room everyone joins: "Anonymous" unless nicknamed; never over, forgotten when empty.</summary>
public sealed class GlobalRoom(string id, DateTimeOffset createdAt) : Room(id, createdAt)
{
    private static readonly Speaker Anonymous = new("Anonymous", SpeakerColour.Anonymous);
    private static readonly Speaker AnonymousYou = new("Anonymous (You)", SpeakerColour.You);

    public override Mode Mode => Mode.Global;

    internal override bool IsOver => false;

    public override Speaker Appearance(Member subject, Person viewer)
    {
        var isViewer = ReferenceEquals(subject.Person, viewer);
        if (subject.Person.Nickname is not { } nickname)
        {
            return isViewer ? AnonymousYou : Anonymous;
        }

        return isViewer
            ? new Speaker($"{nickname} (You)", SpeakerColour.You)
            : new Speaker(nickname.Value, SpeakerColour.Nicknamed);
    }

    internal override void AnnounceFormed() => AnnounceJoined(Members[0]);

    internal override void AnnounceJoined(Member newcomer) =>
        TellEach(member => ReferenceEquals(member.Person, newcomer.Person)
            ? new SystemLine(NoticeKind.Found, Notices.Welcome(Members.Length))
            : new SystemLine(NoticeKind.Joined, Notices.Joined(NameOf(Appearance(newcomer, member.Person)))));

    protected override void AnnounceLeft(Member departed) =>
        TellEach(member => new SystemLine(NoticeKind.Left, Notices.Left(NameOf(Appearance(departed, member.Person)))));

    /// <summary>"Anonymous" is the site's word for a person without a nickname; a nickname is theirs.</summary>
    private static NoticeArgument NameOf(Speaker speaker) =>
        speaker.Colour == SpeakerColour.Anonymous ? NoticeArgument.Wording(speaker.Name) : NoticeArgument.Data(speaker.Name);

    /// <summary>A newcomer is admitted at once: welcomed, and the others are told.</summary>
    public void Welcome(Person person)
    {
        Admit(person);
        AnnounceJoined(Members[^1]);
    }

    /// <summary>Shows a command (as its author appeared when typing it) and its answer to its author only.</summary>
    internal void AnswerCommand(Member author, string command)
    {
        var asTyped = new ChatLine(Appearance(author, author.Person), command);
        var parsed = GlobalCommand.Parse(command);
        if (parsed.NewNickname is { } nickname)
        {
            author.Person.Nickname = nickname;
        }

        author.Person.Tell(asTyped);
        author.Person.Tell(NoticeKind.CommandAnswer, parsed.Answer);
    }
}
