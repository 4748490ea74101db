using Remandzana.Domain.Lines;
using Remandzana.Domain.Lobbies;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.People;

/// <summary>
/// Someone with an open chat page, as the one thing that decides their fate sees them: the
/// matchmaker while they wait, their room once they talk. Every change happens in that owner's
/// turn; what they are told goes to their sink.
/// </summary>
public sealed class Person
{
    private readonly List<Lobby> _lobbies = [];
    private readonly ILineSink _sink;
    private readonly Action<Person>? _onOverflow;
    private readonly Action<Person>? _onReleased;

    /// <param name="onOverflow">Called when the sink reports a stalled reader.</param>
    /// <param name="onReleased">Called once, when the person leaves for good.</param>
    /// <param name="origin">Their browser's <see cref="People.Origin"/>; unknown when not given.</param>
    public Person(PersonId id, Role role, ChatEntry entry, DateTimeOffset joinedAt, ILineSink sink, Action<Person>? onOverflow = null, Action<Person>? onReleased = null, Origin? origin = null)
    {
        Origin = origin ?? Origin.Unknown;
        Id = id;
        Role = role;
        Entry = entry;
        JoinedAt = joinedAt;
        _sink = sink;
        _onOverflow = onOverflow;
        _onReleased = onReleased;
    }

    public static Role RoleFor(ChatEntry entry) => entry == ChatEntry.QuestionAsk ? Role.Asker : Role.Talker;

    public PersonId Id { get; }

    public Role Role { get; }

    public ChatEntry Entry { get; }

    public DateTimeOffset JoinedAt { get; }

    /// <summary>Their language and interests: whom they would rather meet first.</summary>
    public Preferences Preferences { get; init; } = Preferences.None;

    /// <summary>Their browser across conversations (a pass or an address); never shown to the others.</summary>
    public Origin Origin { get; }

    /// <summary>The stream's mailbox, when this person's lines go straight into one (one process).</summary>
    public Mailbox Mailbox => _sink as Mailbox ?? throw new InvalidOperationException("This person's lines go to another instance, not to a mailbox here.");

    public Room? Room { get; internal set; }

    public IReadOnlyList<Lobby> Lobbies => _lobbies;

    /// <summary>The asker's question, once submitted.</summary>
    public string? Question { get; internal set; }

    /// <summary>Chosen in global chat with /nick.</summary>
    public Nickname? Nickname { get; internal set; }

    /// <summary>Told once that they are not talking to anyone yet.</summary>
    public bool WarnedNotTalking { get; internal set; }

    /// <summary>How many times this person violated each moderation policy.</summary>
    public ModerationRecord Moderation { get; } = new();

    /// <summary>May watch but not speak (the asker after setup).</summary>
    public bool IsSilenced => Role == Role.Asker && Question is not null;

    /// <summary>Has left; nothing more happens to them.</summary>
    public bool IsGone { get; private set; }

    /// <summary>Brings back what a person had when their owner moves them (a room formed) or reloads them.</summary>
    public void Restore(string? question, Nickname? nickname, bool warnedNotTalking)
    {
        Question = question;
        Nickname = nickname;
        WarnedNotTalking = warnedNotTalking;
    }

    /// <summary>Tells them, once, that nobody reads what they type yet.</summary>
    public void WarnNotTalking()
    {
        if (WarnedNotTalking || IsGone)
        {
            return;
        }

        WarnedNotTalking = true;
        Tell(NoticeKind.NotTalkingYet, Notices.NotTalkingYet);
    }

    internal void EnterLobby(Lobby lobby) => _lobbies.Add(lobby);

    internal void ExitLobby(Lobby lobby) => _lobbies.Remove(lobby);

    internal void LeaveAllLobbies()
    {
        for (var i = _lobbies.Count - 1; i >= 0; i--)
        {
            _lobbies[i].Exit(this);
        }
    }

    internal void Tell(Line line)
    {
        if (!_sink.Post(line))
        {
            _onOverflow?.Invoke(this);
        }
    }

    internal void Tell(NoticeKind kind, Notice notice) => Tell(new SystemLine(kind, notice));

    /// <summary>Takes them out of every lobby and ends their stream once it has shown what is queued; does nothing the second time.</summary>
    internal bool Release()
    {
        if (IsGone)
        {
            return false;
        }

        IsGone = true;
        LeaveAllLobbies();
        Room = null;
        _sink.Close();
        _onReleased?.Invoke(this);
        return true;
    }
}
