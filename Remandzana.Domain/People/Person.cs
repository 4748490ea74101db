using Remandzana.Domain.Lobbies;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.People;

/// <summary>
/// Someone with an open chat page, as the one thing that decides their fate sees them: the
/// matchmaker while they wait, their room once they talk. Every change happens in that owner's
/// turn, and what they are told is recorded in that owner's <see cref="Turns.Effects"/>. Their stream
/// is not here: it is a session on the instance that serves their page.
/// </summary>
public sealed class Person
{
    private readonly List<Lobby> _lobbies = [];
    /// <param name="origin">Their browser's <see cref="People.Origin"/>; unknown when not given.</param>
    public Person(PersonId id, Role role, ChatEntry entry, DateTimeOffset joinedAt, Origin? origin = null)
    {
        Origin = origin ?? Origin.Unknown;
        Id = id;
        Role = role;
        Entry = entry;
        JoinedAt = joinedAt;
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

    public Room? Room { get; internal set; }

    public IReadOnlyList<Lobby> Lobbies => _lobbies;

    /// <summary>The asker's question, once submitted.</summary>
    public string? Question { get; internal set; }

    /// <summary>Chosen in global chat with /nick.</summary>
    public Nickname? Nickname { get; internal set; }

    /// <summary>How many times this person violated each moderation policy.</summary>
    public ModerationRecord Moderation { get; } = new();

    /// <summary>Has left; nothing more happens to them.</summary>
    public bool IsGone { get; private set; }

    /// <summary>Brings back what a person had when their owner moves them (a room formed) or reloads them.</summary>
    public void Restore(string? question, Nickname? nickname)
    {
        Question = question;
        Nickname = nickname;
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

    /// <summary>Takes them out of every lobby and their room for good; false the second time.</summary>
    internal bool Release()
    {
        if (IsGone)
        {
            return false;
        }

        IsGone = true;
        LeaveAllLobbies();
        Room = null;
        return true;
    }
}
