using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Transcripts;

namespace Remandzana.Domain.Rooms;

/// <summary>The one ongoing room everyone joins: "Anonymous" unless nicknamed; never over, forgotten when empty.</summary>
public sealed class GlobalRoom(string id, DateTimeOffset createdAt) : Room(id, createdAt)
{
    private static readonly Speaker Anonymous = new("Anonymous", SpeakerColour.Anonymous);
    private static readonly Speaker AnonymousYou = new("Anonymous (You)", SpeakerColour.You);

    // Who sent the last messages the room relayed, newest last: a report names only those whose words it holds.
    private readonly Queue<Person> _speakers = new();

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

    protected override void Spoke(Member sender)
    {
        if (_speakers.Count == Transcript.ReportLines)
        {
            _speakers.Dequeue();
        }

        _speakers.Enqueue(sender.Person);
    }

    /// <summary>In a room of any size, a report names only the others who sent one of the last <paramref name="messagesSeen"/> messages, which the reporter's lines hold.</summary>
    protected override IEnumerable<Member> Reportable(Person reporter, int messagesSeen)
    {
        var spoke = _speakers.Skip(Math.Max(0, _speakers.Count - messagesSeen)).ToHashSet(ReferenceEqualityComparer.Instance);
        return Members.Where(member => !ReferenceEquals(member.Person, reporter) && spoke.Contains(member.Person));
    }

    internal override void AnnounceJoined(Member newcomer) =>
        TellEach(member => ReferenceEquals(member.Person, newcomer.Person)
            ? new SystemLine(NoticeKind.Found, Notices.Welcome(Members.Length))
            : new SystemLine(NoticeKind.Joined, Notices.Joined(NameOf(Appearance(newcomer, member.Person)))));

    protected override void AnnounceLeft(Member departed) =>
        TellEach(member => new SystemLine(NoticeKind.Left, Notices.Left(NameOf(Appearance(departed, member.Person)))));

    /// <summary>"Anonymous" is the site's word for a person without a nickname; a nickname is theirs.</summary>
    private static NoticeArgument NameOf(Speaker speaker) =>
        speaker.Colour == SpeakerColour.Anonymous ? NoticeArgument.Wording(speaker.Name) : NoticeArgument.Data(speaker.Name);

    /// <summary>
    /// The members who go by <paramref name="nickname"/> as the others see it, in any case: an
    /// operator types the name they read, and nicknames are ASCII letters, digits, '_' and '-' only.
    /// </summary>
    public IReadOnlyList<Person> Nicknamed(string nickname)
    {
        var typed = nickname.Trim();
        return [.. Members.Select(member => member.Person).Where(person => person.Nickname is { } name && string.Equals(name.Value, typed, StringComparison.OrdinalIgnoreCase))];
    }

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

        Tell(author.Person, asTyped);
        Tell(author.Person, new SystemLine(NoticeKind.CommandAnswer, parsed.Answer));
    }
}
