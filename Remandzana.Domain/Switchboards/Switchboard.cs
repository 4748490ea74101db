using System.Collections.Concurrent;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Lobbies;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.Switchboards;

/// <summary>
/// Everyone connected and the four lobbies: the one entry point the web layer calls.
/// One lock guards all matchmaking and membership (each step takes microseconds); chat relay
/// runs outside it, through the rooms' member snapshots and the people's mailboxes.
/// </summary>
public sealed class Switchboard
{
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<PersonId, Person> _people = new();
    private readonly ConcurrentQueue<Person> _overflowed = new();
    private readonly HashSet<Room> _rooms = [];
    private readonly SwitchboardSettings _settings;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private long _roomsCreated;
    private bool _stopping;

    public Switchboard(SwitchboardSettings settings, TimeProvider time, Random random, PoliciesByMode? policies = null)
    {
        _settings = settings;
        _time = time;
        _random = random;
        Policies = policies ?? PoliciesByMode.None;
        Lobbies = [Two, Three, Question, Global];
    }

    public TwoLobby Two { get; } = new();

    public ThreeLobby Three { get; } = new();

    public QuestionLobby Question { get; } = new();

    public GlobalLobby Global { get; } = new();

    public IReadOnlyList<Lobby> Lobbies { get; }

    public SwitchboardSettings Settings => _settings;

    /// <summary>The moderation policies each mode applies to messages and questions.</summary>
    public PoliciesByMode Policies { get; }

    /// <summary>Every room whose conversation goes on, in no order. Read it under <see cref="Inspect{T}"/>.</summary>
    public IReadOnlyCollection<Room> Rooms => _rooms;

    /// <summary>Raised under the lock whenever a room forms (tests and the debug view watch it).</summary>
    public event Action<Room>? RoomFormed;

    /// <summary>Raised after a chat message was relayed to a room.</summary>
    public event Action? MessageRelayed;

    public int Count => _people.Count;

    public Person? Find(PersonId id) => _people.GetValueOrDefault(id);

    /// <summary>Everyone connected, in no particular order.</summary>
    public IReadOnlyCollection<Person> People => (IReadOnlyCollection<Person>)_people.Values;

    /// <returns>The new person, or null when the server is stopping.</returns>
    public Person? Join(ChatEntry entry)
    {
        var role = entry == ChatEntry.QuestionAsk ? Role.Asker : Role.Talker;
        var person = new Person(PersonId.New(), role, entry, _time.GetUtcNow(), _settings.MailboxCapacity, _overflowed.Enqueue);
        lock (_gate)
        {
            if (_stopping)
            {
                return null;
            }

            _people[person.Id] = person;
            if (entry == ChatEntry.Any)
            {
                person.Tell(NoticeKind.Waiting, Notices.LookingForPeople);
            }

            foreach (var lobby in LobbiesFor(entry))
            {
                if (entry != ChatEntry.Any && lobby.WaitingNotice(person) is { } notice)
                {
                    person.Tell(NoticeKind.Waiting, notice);
                }

                Place(person, lobby);
                if (person.Room is not null)
                {
                    break;
                }
            }
        }

        EvictOverflowed();
        return person;
    }

    private IReadOnlyList<Lobby> LobbiesFor(ChatEntry entry)
    {
        switch (entry)
        {
            case ChatEntry.Two: return [Two];
            case ChatEntry.Three: return [Three];
            case ChatEntry.QuestionAsk or ChatEntry.QuestionDiscuss: return [Question];
            case ChatEntry.Global: return [Global];
            case ChatEntry.Any:
                Lobby[] lobbies = [Two, Three, Question];
                _random.Shuffle(lobbies);
                return lobbies;
            default: throw new ArgumentOutOfRangeException(nameof(entry), entry, null);
        }
    }

    /// <summary>Into an open room that takes the person, else into the lobby, forming rooms if enough are ready.</summary>
    private void Place(Person person, Lobby lobby)
    {
        if (lobby.OpenRoomFor(person) is { } open)
        {
            LeaveAllLobbies(person);
            open.Admit(person);
            open.AnnounceJoined(open.Members[^1]);
            return;
        }

        lobby.Enter(person);
        FormRooms(lobby);
    }

    private void FormRooms(Lobby lobby)
    {
        while (lobby.NextRoomMembers() is { } members)
        {
            var room = lobby.Open($"room-{Interlocked.Increment(ref _roomsCreated)}", _time.GetUtcNow(), members);
            foreach (var member in members)
            {
                LeaveAllLobbies(member);
                room.Admit(member);
            }

            _rooms.Add(room);
            room.AnnounceFormed();
            RoomFormed?.Invoke(room);
        }
    }

    private static void LeaveAllLobbies(Person person)
    {
        for (var i = person.Lobbies.Count - 1; i >= 0; i--)
        {
            person.Lobbies[i].Exit(person);
        }
    }

    public SendOutcome Send(PersonId id, string? raw) => Send(id, raw, out _);

    /// <param name="verdict">When a moderation policy refused the message: the policy and its sanction.</param>
    public SendOutcome Send(PersonId id, string? raw, out Verdict? verdict)
    {
        verdict = null;
        if (Find(id) is not { IsGone: false } person)
        {
            return SendOutcome.Departed;
        }

        if (person.Role == Role.Asker)
        {
            return SendOutcome.Silenced;
        }

        switch (MessageText.Check(raw, _settings.MaxMessageLength, out var text))
        {
            case MessageText.Problem.Empty: return SendOutcome.Empty;
            case MessageText.Problem.TooLong: return SendOutcome.TooLong;
        }

        var room = person.Room;
        var member = room?.Find(person);
        if (room is null || member is null)
        {
            WarnNotTalking(person);
            return SendOutcome.NotInRoomYet;
        }

        if (room is GlobalRoom global && GlobalCommand.Is(text))
        {
            global.AnswerCommand(member, text, () => Command(person, text));
            EvictOverflowed();
            return SendOutcome.CommandAnswered;
        }

        if (Policies.ViolatedBy(room.Mode, text) is { } policy)
        {
            return Enforce(person, policy, out verdict);
        }

        room.Relay(member, text);
        MessageRelayed?.Invoke();
        EvictOverflowed();
        return SendOutcome.Relayed;
    }

    /// <summary>Counts the violation, tells the sender, and ends their conversation when the ladder says so.</summary>
    private SendOutcome Enforce(Person person, Policy policy, out Verdict? verdict)
    {
        lock (_gate)
        {
            if (person.IsGone)
            {
                verdict = null;
                return SendOutcome.Departed;
            }

            verdict = policy.Judge(person.Moderation.Record(policy));
            person.Tell(NoticeKind.Moderation, verdict.Notice);
            if (verdict.Sanction != Sanction.Suppress)
            {
                Remove(person);
            }
        }

        EvictOverflowed();
        return verdict.Sanction switch
        {
            Sanction.Suppress => SendOutcome.Suppressed,
            Sanction.Kick => SendOutcome.Kicked,
            _ => SendOutcome.Exiled,
        };
    }

    private void WarnNotTalking(Person person)
    {
        lock (_gate)
        {
            if (person.WarnedNotTalking || person.IsGone)
            {
                return;
            }

            person.WarnedNotTalking = true;
            person.Tell(NoticeKind.NotTalkingYet, Notices.NotTalkingYet);
        }

        EvictOverflowed();
    }

    private string Command(Person person, string text)
    {
        var command = GlobalCommand.Parse(text);
        if (command.NewNickname is { } nickname)
        {
            lock (_gate)
            {
                person.Nickname = nickname;
            }
        }

        return command.Answer;
    }

    public SetupOutcome SubmitQuestion(PersonId id, string? raw) => SubmitQuestion(id, raw, out _);

    /// <param name="refusedBy">When a moderation policy of question mode refused the question: that policy.</param>
    public SetupOutcome SubmitQuestion(PersonId id, string? raw, out Policy? refusedBy)
    {
        refusedBy = null;
        if (Find(id) is not { IsGone: false } person)
        {
            return SetupOutcome.Departed;
        }

        switch (MessageText.Check(raw, _settings.MaxMessageLength, out var question))
        {
            case MessageText.Problem.Empty: return SetupOutcome.Empty;
            case MessageText.Problem.TooLong: return SetupOutcome.TooLong;
        }

        lock (_gate)
        {
            if (person.IsGone)
            {
                return SetupOutcome.Departed;
            }

            if (person.Role != Role.Asker || person.Question is not null)
            {
                return SetupOutcome.NotAllowed;
            }

            // Refused, not sanctioned: the asker has not said anything to anyone yet.
            if (Policies.ViolatedBy(Mode.Question, question) is { } policy)
            {
                refusedBy = policy;
                person.Tell(NoticeKind.Moderation, Notices.QuestionRefused(policy.Reason));
                return SetupOutcome.Rejected;
            }

            person.Question = question;
            person.Tell(NoticeKind.Question, Notices.YourQuestion(question));
            person.Tell(NoticeKind.Waiting, Notices.LookingForDiscussers);
            FormRooms(Question);
        }

        EvictOverflowed();
        return SetupOutcome.Accepted;
    }

    /// <summary>Removes a person from every lobby and room and tells the others; does nothing the second time.</summary>
    public bool Leave(PersonId id, LeaveReason reason)
    {
        var left = false;
        if (Find(id) is { } person)
        {
            lock (_gate)
            {
                left = Remove(person);
            }
        }

        EvictOverflowed();
        return left;
    }

    private bool Remove(Person person)
    {
        if (person.IsGone)
        {
            return false;
        }

        Release(person);
        if (person.Room is { } room)
        {
            room.Remove(person);
            if (room.Members.Length == 0)
            {
                LobbyOf(room).Forget(room);
                _rooms.Remove(room);
            }
            else if (room.IsOver)
            {
                _rooms.Remove(room);
                room.AnnounceOver();
                foreach (var member in room.Members)
                {
                    Release(member.Person);
                    member.Person.Room = null;
                }
            }
        }

        return true;
    }

    /// <summary>Takes a person off the switchboard and ends their stream once it has shown what is queued.</summary>
    private void Release(Person person)
    {
        person.IsGone = true;
        _people.TryRemove(person.Id, out _);
        LeaveAllLobbies(person);
        person.Mailbox.Close();
    }

    private Lobby LobbyOf(Room room) => room.Mode switch
    {
        Mode.Two => Two,
        Mode.Three => Three,
        Mode.Question => Question,
        _ => Global,
    };

    /// <summary>
    /// Where a newcomer to question mode is needed: askers are a third of each room, so the side
    /// that is short of its share, or a fair coin when the lobby is balanced.
    /// </summary>
    public QuestionSide SuggestQuestionSide()
    {
        lock (_gate)
        {
            var askers = Question.Waiting.Count(person => person.Role == Role.Asker);
            var discussers = Question.Waiting.Count - askers;
            var balance = (askers * 2) - discussers;
            if (balance == 0)
            {
                return _random.Next(2) == 0 ? QuestionSide.Ask : QuestionSide.Discuss;
            }

            return balance < 0 ? QuestionSide.Ask : QuestionSide.Discuss;
        }
    }

    /// <summary>Tells everyone the server is stopping and ends every stream; later joins are refused.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopping = true;
            foreach (var person in _people.Values)
            {
                person.Tell(NoticeKind.ServerStopping, Notices.ServerStopping);
                person.Room = null;
                Release(person);
            }

            foreach (var lobby in Lobbies)
            {
                foreach (var room in lobby.OpenRooms.ToList())
                {
                    lobby.Forget(room);
                }
            }

            _rooms.Clear();
        }
    }

    /// <summary>Disconnects the people whose browsers stopped reading (their mailbox filled up).</summary>
    private void EvictOverflowed()
    {
        while (_overflowed.TryDequeue(out var person))
        {
            lock (_gate)
            {
                Remove(person);
            }
        }
    }

    /// <summary>Runs <paramref name="read"/> under the lock, so what it sees is consistent (debug view, tests).</summary>
    public T Inspect<T>(Func<Switchboard, T> read)
    {
        lock (_gate)
        {
            return read(this);
        }
    }
}
