using System.Collections.Concurrent;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Lobbies;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.Switchboards;

/// <summary>
/// The chat's rules composed in one process: the matchmaker and every room behind one lock, each
/// person's lines straight into their mailbox. The site runs the same matchmaker and rooms in
/// grains across silos; this composition keeps the rules quick to test on their own.
/// </summary>
public sealed class Switchboard
{
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<PersonId, Person> _people = new();
    private readonly ConcurrentQueue<Person> _overflowed = new();
    private readonly HashSet<Room> _rooms = [];
    private readonly SwitchboardSettings _settings;
    private readonly TimeProvider _time;
    private readonly Matchmaker _matchmaker;
    private readonly TextEchoes? _echoes;
    private long _roomsCreated;
    private bool _stopping;

    /// <param name="echoes">When copies of a text count as advertising, for the <see cref="RepeatedText"/> policy (default: <see cref="EchoLimits.Default"/>).</param>
    public Switchboard(SwitchboardSettings settings, TimeProvider time, Random random, PoliciesByMode? policies = null, EchoLimits? echoes = null)
    {
        _settings = settings;
        _time = time;
        Policies = policies ?? PoliciesByMode.None;
        _matchmaker = new Matchmaker(random, Policies, settings.MaxMessageLength, new Affinity(settings.PreferenceWait), time);
        _echoes = Policies.CountsEchoes ? new TextEchoes(echoes ?? EchoLimits.Default, time) : null;
    }

    public TwoLobby Two => _matchmaker.Two;

    public ThreeLobby Three => _matchmaker.Three;

    public QuestionLobby Question => _matchmaker.Question;

    public IReadOnlyList<Lobby> Lobbies => _matchmaker.Lobbies;

    /// <summary>The global room while anyone is in it.</summary>
    public GlobalRoom? Global { get; private set; }

    /// <summary>The moderation policies each mode applies to messages and questions.</summary>
    public PoliciesByMode Policies { get; }

    /// <summary>Every room whose conversation goes on, in no order. Read it under <see cref="Inspect{T}"/>.</summary>
    public IReadOnlyCollection<Room> Rooms => _rooms;

    /// <summary>Raised under the lock whenever a room forms (tests watch it).</summary>
    public event Action<Room>? RoomFormed;

    public int Count => _people.Count;

    public Person? Find(PersonId id) => _people.GetValueOrDefault(id);

    /// <summary>Everyone connected, in no particular order.</summary>
    public IReadOnlyCollection<Person> People => (IReadOnlyCollection<Person>)_people.Values;

    /// <returns>The new person, or null when the server is stopping.</returns>
    public Person? Join(ChatEntry entry, Preferences? preferences = null, Origin? origin = null)
    {
        var person = new Person(
            PersonId.New(),
            Person.RoleFor(entry),
            entry,
            _time.GetUtcNow(),
            new Mailbox(_settings.MailboxCapacity),
            _overflowed.Enqueue,
            released => _people.TryRemove(released.Id, out _),
            origin)
        {
            Preferences = preferences ?? Preferences.None,
        };
        lock (_gate)
        {
            if (_stopping)
            {
                return null;
            }

            _people[person.Id] = person;
            if (entry == ChatEntry.Global)
            {
                if (Global is null)
                {
                    Global = new GlobalRoom(NextRoomId(), _time.GetUtcNow());
                    _rooms.Add(Global);
                }

                Global.Welcome(person);
            }
            else
            {
                Open(_matchmaker.Join(person));
            }
        }

        EvictOverflowed();
        return person;
    }

    /// <summary>When the next waiting person will meet anyone; the owner calls <see cref="Retry"/> then.</summary>
    public DateTimeOffset? NextDeadline
    {
        get
        {
            lock (_gate)
            {
                return _matchmaker.NextDeadline;
            }
        }
    }

    /// <summary>People whose wait for someone close has run out meet anyone.</summary>
    public void Retry()
    {
        lock (_gate)
        {
            Open(_matchmaker.Retry());
        }

        EvictOverflowed();
    }

    private void Open(IReadOnlyList<Formation> formed)
    {
        foreach (var formation in formed)
        {
            var room = formation.Open(NextRoomId(), _time.GetUtcNow());
            _rooms.Add(room);
            RoomFormed?.Invoke(room);
        }
    }

    private string NextRoomId() => $"room-{Interlocked.Increment(ref _roomsCreated)}";

    public SendOutcome Send(PersonId id, string? raw) => Send(id, raw, out _);

    /// <param name="verdict">When a moderation policy refused the message: the policy and its sanction.</param>
    public SendOutcome Send(PersonId id, string? raw, out Verdict? verdict)
    {
        verdict = null;
        SendOutcome outcome;
        lock (_gate)
        {
            if (Find(id) is not { IsGone: false } person)
            {
                return SendOutcome.Departed;
            }

            if (MessageText.Refusal(person.Role, raw, _settings.MaxMessageLength, out var text) is { } refusal)
            {
                return refusal;
            }

            if (person.Room is not { } room)
            {
                person.WarnNotTalking();
                outcome = SendOutcome.NotInRoomYet;
            }
            else
            {
                var echo = _echoes?.ObserveText(person.Origin.Value, room.Id, text) ?? Echo.None;
                outcome = room.Receive(person, text, Policies, out verdict, out _, echo);
                Forget(room);
            }
        }

        EvictOverflowed();
        return outcome;
    }

    public SetupOutcome SubmitQuestion(PersonId id, string? raw) => SubmitQuestion(id, raw, out _);

    /// <param name="refusedBy">When a moderation policy of question mode refused the question: that policy.</param>
    public SetupOutcome SubmitQuestion(PersonId id, string? raw, out Policy? refusedBy)
    {
        SetupOutcome outcome;
        lock (_gate)
        {
            if (Find(id) is not { IsGone: false } person)
            {
                refusedBy = null;
                return SetupOutcome.Departed;
            }

            if (person.Room is not null)
            {
                refusedBy = null;
                return MessageText.QuestionFromARoom(raw, _settings.MaxMessageLength);
            }

            outcome = _matchmaker.SubmitQuestion(id, raw, out refusedBy, out var formed);
            Open(formed);
        }

        EvictOverflowed();
        return outcome;
    }

    /// <summary>The person reports their conversation (see <see cref="Room.Report"/>); null when they are in none.</summary>
    public IReadOnlyList<Reported>? Report(PersonId id)
    {
        IReadOnlyList<Reported>? reported = null;
        lock (_gate)
        {
            if (Find(id) is { IsGone: false, Room: { } room } person)
            {
                reported = room.Report(person, out _);
                Forget(room);
            }
        }

        EvictOverflowed();
        return reported;
    }

    /// <summary>Removes a person from every lobby and room and tells the others; does nothing the second time.</summary>
    public bool Leave(PersonId id)
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

        if (person.Room is { } room)
        {
            room.Depart(person);
            Forget(room);
        }
        else if (!_matchmaker.Leave(person.Id))
        {
            person.Release();
        }

        return true;
    }

    private void Forget(Room room)
    {
        if (!room.IsFinished)
        {
            return;
        }

        _rooms.Remove(room);
        if (ReferenceEquals(room, Global))
        {
            Global = null;
        }
    }

    /// <summary>
    /// Where a newcomer to question mode is needed: askers are a third of each room, so the side
    /// that is short of its share, or a fair coin when the lobby is balanced.
    /// </summary>
    public QuestionSide SuggestQuestionSide()
    {
        lock (_gate)
        {
            return _matchmaker.SuggestQuestionSide();
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
                person.Release();
            }

            _rooms.Clear();
            Global = null;
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

    /// <summary>Runs <paramref name="read"/> under the lock, so what it sees is consistent (tests).</summary>
    public T Inspect<T>(Func<Switchboard, T> read)
    {
        lock (_gate)
        {
            return read(this);
        }
    }
}
