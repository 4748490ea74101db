using Remandzana.Domain.Lines;
using Remandzana.Domain.Lobbies;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.People;

/// <summary>
/// Someone with an open chat page. Every state change happens under the switchboard's lock;
/// the stream only reads the mailbox.
/// </summary>
public sealed class Person
{
    private readonly List<Lobby> _lobbies = [];
    private readonly Action<Person> _onOverflow;

    internal Person(PersonId id, Role role, ChatEntry entry, DateTimeOffset joinedAt, int mailboxCapacity, Action<Person> onOverflow)
    {
        Id = id;
        Role = role;
        Entry = entry;
        JoinedAt = joinedAt;
        Mailbox = new Mailbox(mailboxCapacity);
        _onOverflow = onOverflow;
    }

    /// <summary>Someone whose stream another instance serves: a member of a room copy, told nothing here.</summary>
    internal static Person StandIn(PersonId id, Role role, Nickname? nickname)
    {
        var person = new Person(id, role, ChatEntry.Two, DateTimeOffset.MinValue, 1, static _ => { }) { IsStandIn = true, Nickname = nickname };
        person.Mailbox.Close();
        return person;
    }

    public PersonId Id { get; }

    public Role Role { get; }

    public ChatEntry Entry { get; }

    public DateTimeOffset JoinedAt { get; }

    public Mailbox Mailbox { get; }

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

    /// <summary>Has left the switchboard; nothing more happens to them.</summary>
    public bool IsGone { get; internal set; }

    /// <summary>A member of a room copy whose stream another instance serves.</summary>
    public bool IsStandIn { get; private init; }

    internal void EnterLobby(Lobby lobby) => _lobbies.Add(lobby);

    internal void ExitLobby(Lobby lobby) => _lobbies.Remove(lobby);

    internal void Tell(Line line)
    {
        if (IsStandIn)
        {
            return;
        }

        if (!Mailbox.Post(line))
        {
            _onOverflow(this);
        }
    }

    internal void Tell(NoticeKind kind, string text) => Tell(new SystemLine(kind, text));
}
