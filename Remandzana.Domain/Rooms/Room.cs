using System.Collections.Immutable;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Turns;

namespace Remandzana.Domain.Rooms;

/// <summary>
/// People talking together. One owner (the room's grain) runs every change and every relay, one at
/// a time, so every member's log shows the room's lines in one order. What a change says is
/// recorded, not sent: the owner takes it with <see cref="TakeEffects"/> and carries it.
/// </summary>
public abstract class Room
{
    private readonly Dictionary<Role, int> _admittedPerRole = [];
    private ImmutableArray<Member> _members = [];
    private readonly HashSet<Person> _held = new(ReferenceEqualityComparer.Instance);
    private Effects _effects = new();

    protected Room(string id, DateTimeOffset createdAt)
    {
        Id = id;
        CreatedAt = createdAt;
    }

    public string Id { get; }

    public DateTimeOffset CreatedAt { get; }

    public abstract Mode Mode { get; }

    public ImmutableArray<Member> Members => _members;

    /// <summary>The conversation is over for whoever remains (they are told and released).</summary>
    internal virtual bool IsOver => _members.Length <= 1;

    /// <summary>Nobody is left in it, or the conversation is over: its owner forgets it.</summary>
    public bool IsFinished => _members.Length == 0 || IsOver;

    /// <summary>What the changes since the last call said; the room starts recording afresh.</summary>
    public Effects TakeEffects()
    {
        if (_effects.IsEmpty)
        {
            return Effects.None;
        }

        var taken = _effects;
        _effects = new Effects();
        return taken;
    }

    public static Room Create(Mode mode, string id, DateTimeOffset createdAt, string? question) => mode switch
    {
        Mode.Two => new TwoRoom(id, createdAt),
        Mode.Three => new ThreeRoom(id, createdAt),
        Mode.Question => new QuestionRoom(id, createdAt, question ?? throw new ArgumentNullException(nameof(question), "A question room needs its question.")),
        _ => new GlobalRoom(id, createdAt),
    };

    /// <summary>How <paramref name="subject"/> appears in <paramref name="viewer"/>'s log.</summary>
    public abstract Speaker Appearance(Member subject, Person viewer);

    internal void Admit(Person person) => Readmit(person, _admittedPerRole.GetValueOrDefault(person.Role));

    /// <summary>Admits a member at their known place among their role, telling nobody: a room brought back keeps every name.</summary>
    public void Readmit(Person person, int indexInRole)
    {
        _admittedPerRole[person.Role] = Math.Max(_admittedPerRole.GetValueOrDefault(person.Role), indexInRole + 1);
        _members = _members.Add(new Member(person, indexInRole));
        person.Room = this;
    }

    /// <summary>Tells the first members that the room exists.</summary>
    internal abstract void AnnounceFormed();

    /// <summary>Tells each member the interests they share with the others: "You both like music".</summary>
    internal void AnnounceSharedInterests() =>
        TellEach(member =>
        {
            var shared = member.Person.Preferences.Interests.Tags
                .Where(tag => _members.Any(other => !ReferenceEquals(other, member) && other.Person.Preferences.Interests.Tags.Contains(tag)))
                .ToList();
            if (shared.Count == 0)
            {
                return null;
            }

            return new SystemLine(NoticeKind.Found, _members.Length == 2 ? Notices.YouBothLike(shared) : Notices.SharedInterests(shared));
        });

    /// <summary>Tells a newcomer and the others that the newcomer arrived (rooms that stay open).</summary>
    internal virtual void AnnounceJoined(Member newcomer)
    {
    }

    /// <summary>
    /// A member leaves: their stream ends, the others are told, and when the conversation is over
    /// for whoever remains, they are told and released too. Released already (their conversation
    /// ended around them), they leave nothing more, and nobody is told twice.
    /// </summary>
    public void Depart(Person person)
    {
        if (person.IsGone)
        {
            return;
        }

        var member = Find(person);
        Release(person);
        if (member is null)
        {
            return;
        }

        _members = _members.Remove(member);
        _held.Remove(person);
        AnnounceLeft(member);
        if (_members.Length > 0 && IsOver)
        {
            AnnounceOver();
            foreach (var remaining in _members)
            {
                Release(remaining.Person);
            }
        }
    }

    /// <summary>Their stream ended without a leave and they may come back: held in the room meanwhile (issue 25).</summary>
    public bool IsHeld(Person person) => _held.Contains(person);

    /// <summary>
    /// A member's stream ended without a leave: they stay a member (their lines wait for them where
    /// their stream was) and the others are told how long they are waited for; the mode may say
    /// nothing (global chat). Their owner makes them <see cref="Depart"/> when the wait runs out.
    /// </summary>
    /// <returns>False when they are not a member or already held.</returns>
    public bool Drop(Person person, int graceSeconds)
    {
        if (person.IsGone || Find(person) is not { } member || !_held.Add(person))
        {
            return false;
        }

        AnnounceDropped(member, graceSeconds);
        return true;
    }

    /// <summary>
    /// A member opened their resume link: held, they are back and the others are told; still
    /// streaming elsewhere (a takeover), nobody else is. Either way they are told they are back.
    /// </summary>
    /// <returns>False when they are no longer a member.</returns>
    public bool ComeBack(Person person)
    {
        if (person.IsGone || Find(person) is not { } member)
        {
            return false;
        }

        if (_held.Remove(person))
        {
            AnnounceBack(member);
        }

        _effects.Tell(person, NoticeKind.Back, Notices.YouAreBack);
        return true;
    }

    /// <summary>Tells the others that <paramref name="dropped"/>'s connection dropped; silent unless the mode says otherwise.</summary>
    protected virtual void AnnounceDropped(Member dropped, int graceSeconds)
    {
    }

    /// <summary>Tells the others that <paramref name="returned"/> is back; silent unless the mode says otherwise.</summary>
    protected virtual void AnnounceBack(Member returned)
    {
    }

    /// <summary>Tells every member but <paramref name="except"/> a notice worded for each of them.</summary>
    protected void TellOthers(Member except, Func<Member, Line?> lineFor) =>
        TellEach(member => ReferenceEquals(member.Person, except.Person) ? null : lineFor(member));

    private void Release(Person person)
    {
        if (person.Release())
        {
            _effects.Release(person);
        }
    }

    /// <summary>
    /// A message from a member: a global command is answered to its author, a message that breaks
    /// a policy of the mode earns the ladder's sanction, anything else goes to everyone.
    /// </summary>
    /// <param name="text">Already checked with <see cref="MessageText.Refusal"/> (which also keeps an asker from speaking).</param>
    /// <param name="echo">What copies of the text in other rooms say (<see cref="TextEchoes"/>): anything but None breaks <see cref="RepeatedText"/>.</param>
    /// <returns>What became of it; a verdict, and whoever left because of it (a kick ends the sender's conversation), are in the effects.</returns>
    /// <param name="filters">The operator's filters, read after the policies: a suppressing or kicking filter stops the message as a policy would, a replacing one changes what is relayed.</param>
    public SendOutcome Receive(Person sender, string text, PoliciesByMode policies, Echo echo = Echo.None, ChatFilters? filters = null)
    {
        // Released, they may still be listed when the conversation ended around them: it is over for them all the same.
        if (sender.IsGone || Find(sender) is not { } member)
        {
            return SendOutcome.Departed;
        }

        if (this is GlobalRoom global && GlobalCommand.Is(text))
        {
            global.AnswerCommand(member, text);
            return SendOutcome.CommandAnswered;
        }

        if ((policies.ViolatedBy(Mode, text) ?? (echo == Echo.None ? null : policies.RepeatedTextIn(Mode))) is { } policy)
        {
            var verdict = policy.Judge(sender.Moderation.Record(policy));
            _effects.Judged(sender, verdict);
            _effects.Tell(sender, NoticeKind.Moderation, verdict.Notice);
            if (verdict.Sanction == Sanction.Suppress)
            {
                return SendOutcome.Suppressed;
            }

            Depart(sender);
            return verdict.Sanction == Sanction.Kick ? SendOutcome.Kicked : SendOutcome.Exiled;
        }

        var filtered = (filters ?? ChatFilters.None).Apply(Mode, text);
        if (filtered is { Stops: true, Action: { } action })
        {
            var verdict = ChatFilters.VerdictOn(action);
            _effects.Judged(sender, verdict);
            _effects.Tell(sender, NoticeKind.Moderation, verdict.Notice);
            if (verdict.Sanction == Sanction.Suppress)
            {
                return SendOutcome.Suppressed;
            }

            Depart(sender);
            return SendOutcome.Kicked;
        }

        Relay(member, filtered.Text);
        Spoke(member);
        return SendOutcome.Relayed;
    }

    /// <summary>
    /// The operator removes <paramref name="person"/>: they read <paramref name="notice"/>, then their
    /// conversation ends; the others are told they left, as when anyone leaves.
    /// </summary>
    /// <returns>False when they are not (or no longer) in this room.</returns>
    public bool Remove(Person person, Notice notice)
    {
        if (person.IsGone || Find(person) is null)
        {
            return false;
        }

        _effects.Tell(person, NoticeKind.Moderation, notice);
        Depart(person);
        return true;
    }

    /// <summary>Whom a report by <paramref name="reporter"/> names: everyone else in the room.</summary>
    protected virtual IEnumerable<Member> Reportable(Person reporter, int messagesSeen) =>
        _members.Where(member => !ReferenceEquals(member.Person, reporter));

    /// <summary>A member's message was relayed to everyone.</summary>
    protected virtual void Spoke(Member sender)
    {
    }

    /// <summary>
    /// <paramref name="reporter"/> reports the conversation: everyone else in it is reported (in a
    /// two-person room, the partner), as the reporter saw them — in global chat only those who
    /// spoke in the lines the report keeps; the reporter is thanked and their conversation ends,
    /// the others are told they left.
    /// </summary>
    /// <param name="messagesSeen">How many chat messages (commands left out) the report's lines hold: the last ones the room relayed.</param>
    /// <returns>The reported, in admission order; empty when the reporter is not a member.</returns>
    public IReadOnlyList<Reported> Report(Person reporter, int messagesSeen = Transcripts.Transcript.ReportLines)
    {
        if (reporter.IsGone || Find(reporter) is null)
        {
            return [];
        }

        var reported = Reportable(reporter, messagesSeen)
            .Select(member => new Reported(Appearance(member, reporter).Name, member.Person.Origin))
            .ToList();
        _effects.Tell(reporter, NoticeKind.Ended, Notices.ReportThanksLine);
        Depart(reporter);
        return reported;
    }

    protected abstract void AnnounceLeft(Member departed);

    private void AnnounceOver()
    {
        foreach (var member in _members)
        {
            _effects.Tell(member.Person, NoticeKind.Ended, OverNotice);
        }
    }

    /// <summary>The last line for whoever remains when the conversation is over.</summary>
    protected virtual Notice OverNotice => Notices.EveryoneElseLeft;

    public Member? Find(Person person)
    {
        foreach (var member in _members)
        {
            if (ReferenceEquals(member.Person, person))
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>Relays a chat message from <paramref name="sender"/> to every member, the sender included.</summary>
    private void Relay(Member sender, string text)
    {
        foreach (var member in _members)
        {
            _effects.Tell(member.Person, new ChatLine(Appearance(sender, member.Person), text));
        }
    }

    /// <summary>Tells every member a notice worded for each of them.</summary>
    protected void TellEach(Func<Member, Line?> lineFor)
    {
        foreach (var member in _members)
        {
            if (lineFor(member) is { } line)
            {
                _effects.Tell(member.Person, line);
            }
        }
    }

    /// <summary>Tells one member a line.</summary>
    protected void Tell(Person person, Line line) => _effects.Tell(person, line);
}
