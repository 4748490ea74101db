using Remandzana.Domain.Lines;
using Remandzana.Domain.Lobbies;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Turns;

namespace Remandzana.Domain.Matching;

/// <summary>
/// Who waits for whom: the lobbies of two-person, three-person and question mode, and "any"
/// mode as a person waiting in all three. It picks the members of each new room; opening the
/// room is its owner's business. One owner calls it, one call at a time (the matchmaking grain,
/// or the lock of a switchboard in one process): that serial point is what keeps a person in
/// several lobbies from entering two rooms. What it tells the people waiting is recorded, and its
/// owner takes it with <see cref="TakeEffects"/>. People of one language who share an interest meet
/// first (<see cref="Affinity"/>); when someone's wait runs out, their owner calls <see cref="Retry"/>
/// (at <see cref="NextDeadline"/>) and they meet anyone. Origins one of whom asked not to meet
/// the other (<see cref="Avoidances"/>) never meet, in any lobby.
/// </summary>
public sealed class Matchmaker
{
    private readonly Dictionary<PersonId, Person> _waiting = [];
    private readonly Random _random;
    private readonly Func<PoliciesByMode> _policies;
    private readonly int _maxMessageLength;
    private readonly Affinity _affinity;
    private readonly TimeProvider _time;
    private readonly PriorityQueue<Person, DateTimeOffset> _deadlines = new();
    private readonly Meetings? _meetings;
    private Effects _effects = new();

    public Matchmaker(Random random, PoliciesByMode? policies = null, int maxMessageLength = MessageText.DefaultMaxLength, Affinity? affinity = null, TimeProvider? time = null, Avoidances? avoidances = null, Meetings? meetings = null)
        : this(random, () => policies ?? PoliciesByMode.None, maxMessageLength, affinity, time, avoidances, meetings)
    {
    }

    /// <param name="policies">The policies in force now: the operator may change them while the site runs.</param>
    /// <param name="avoidances">Origins kept apart; with <paramref name="meetings"/>, people may ask not to meet their last company again (<see cref="AvoidLastCompany"/>).</param>
    public Matchmaker(Random random, Func<PoliciesByMode> policies, int maxMessageLength = MessageText.DefaultMaxLength, Affinity? affinity = null, TimeProvider? time = null, Avoidances? avoidances = null, Meetings? meetings = null)
    {
        Avoidances = avoidances;
        _meetings = meetings;
        _random = random;
        _affinity = affinity ?? Affinity.Default;
        _time = time ?? TimeProvider.System;
        _policies = policies;
        _maxMessageLength = maxMessageLength;
        Lobbies = [Two, Three, Question];
    }

    /// <summary>What the calls since the last one said to the people waiting; the matchmaker starts recording afresh.</summary>
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

    public TwoLobby Two { get; } = new();

    public ThreeLobby Three { get; } = new();

    public QuestionLobby Question { get; } = new();

    public IReadOnlyList<Lobby> Lobbies { get; }

    /// <summary>Origins that never meet; null when nobody may ask.</summary>
    public Avoidances? Avoidances { get; }

    /// <summary>Everyone waiting, in no order.</summary>
    public IReadOnlyCollection<Person> Waiting => _waiting.Values;

    public Person? Find(PersonId id) => _waiting.GetValueOrDefault(id);

    /// <summary>When the next waiting person's wait for someone close runs out, or null when nobody's will.</summary>
    public DateTimeOffset? NextDeadline
    {
        get
        {
            while (_deadlines.TryPeek(out var person, out var deadline))
            {
                if (_waiting.TryGetValue(person.Id, out var waiting) && waiting == person)
                {
                    return deadline;
                }

                _deadlines.Dequeue();
            }

            return null;
        }
    }

    /// <summary>
    /// Everyone whose wait has run out by now will meet anyone: those with interests are told so,
    /// and the rooms that makes possible are formed.
    /// </summary>
    public IReadOnlyList<Formation> Retry()
    {
        var now = _time.GetUtcNow();
        var due = new List<Person>();
        while (_deadlines.TryPeek(out var person, out var deadline) && deadline <= now)
        {
            _deadlines.Dequeue();
            if (IsWaiting(person))
            {
                due.Add(person);
            }
        }

        // Everyone whose wait ran out is told before anyone meets: two waits that ran out together
        // may pair them with each other, and the later one is still falling back.
        foreach (var person in due.Where(person => !person.Preferences.Interests.IsEmpty))
        {
            _effects.Tell(person, NoticeKind.Waiting, Notices.NoSharedInterests);
        }

        var formed = new List<Formation>();
        foreach (var person in due)
        {
            foreach (var lobby in person.Lobbies.ToList())
            {
                if (!IsWaiting(person))
                {
                    break;
                }

                formed.AddRange(Form(lobby, person, now));
            }
        }

        return formed;
    }

    private bool IsWaiting(Person person) => _waiting.TryGetValue(person.Id, out var waiting) && waiting == person;

    /// <summary>Tells the newcomer what they wait for and places them in their lobbies.</summary>
    /// <returns>The rooms their arrival made possible, with everyone in them out of every lobby.</returns>
    public IReadOnlyList<Formation> Join(Person person) => Join(person, tell: true);

    /// <summary>
    /// Puts back people who were waiting before their matchmaker was lost, at their old places,
    /// telling them nothing; people it already holds are left as they are.
    /// </summary>
    public IReadOnlyList<Formation> Restore(IEnumerable<Person> people)
    {
        var formed = new List<Formation>();
        foreach (var person in people.Where(person => !_waiting.ContainsKey(person.Id)).OrderBy(person => person.JoinedAt))
        {
            formed.AddRange(Join(person, tell: false));
        }

        return formed;
    }

    private List<Formation> Join(Person person, bool tell)
    {
        if (person.Entry == ChatEntry.Global)
        {
            throw new ArgumentException("Global chat has no lobby: newcomers are welcomed into its room at once.", nameof(person));
        }

        _waiting[person.Id] = person;
        if (_affinity.Deadline(person) is { } deadline)
        {
            _deadlines.Enqueue(person, deadline);
        }

        var now = _time.GetUtcNow();
        if (tell && person.Entry == ChatEntry.Any)
        {
            _effects.Tell(person, NoticeKind.Waiting, Notices.LookingForPeople);
        }

        var formed = new List<Formation>();
        foreach (var lobby in LobbiesFor(person.Entry))
        {
            if (tell && person.Entry != ChatEntry.Any)
            {
                _effects.Tell(person, NoticeKind.Waiting, lobby.WaitingNotice(person));
            }

            lobby.Enter(person);
            formed.AddRange(Form(lobby, person, now));
            if (!_waiting.ContainsKey(person.Id))
            {
                break;
            }
        }

        return formed;
    }

    private Lobby[] LobbiesFor(ChatEntry entry)
    {
        if (entry.Mode() is { } mode)
        {
            return [Lobbies.Single(lobby => lobby.Mode == mode)];
        }

        Lobby[] lobbies = [Two, Three, Question];
        _random.Shuffle(lobbies);
        return lobbies;
    }

    /// <summary>The room <paramref name="anchor"/>'s arrival or change made possible in <paramref name="lobby"/>, if any.</summary>
    private List<Formation> Form(Lobby lobby, Person anchor, DateTimeOffset now)
    {
        var formed = new List<Formation>();
        if (lobby.NextRoomMembers(anchor, _affinity, Avoidances, now) is { } members)
        {
            foreach (var member in members)
            {
                member.LeaveAllLobbies();
                _waiting.Remove(member.Id);
            }

            var formation = new Formation(lobby.Mode, members);
            _meetings?.Remember(formation);
            formed.Add(formation);
        }

        return formed;
    }

    /// <param name="refusedBy">When a moderation policy of question mode refused the question: that policy.</param>
    /// <param name="formed">The room the question completed, if any.</param>
    public SetupOutcome SubmitQuestion(PersonId id, string? raw, out Policy? refusedBy, out IReadOnlyList<Formation> formed)
    {
        refusedBy = null;
        formed = [];
        if (Find(id) is not { } person)
        {
            return SetupOutcome.Departed;
        }

        switch (MessageText.Check(raw, _maxMessageLength, out var question))
        {
            case MessageText.Problem.Empty: return SetupOutcome.Empty;
            case MessageText.Problem.TooLong: return SetupOutcome.TooLong;
        }

        if (person.Role != Role.Asker || person.Question is not null)
        {
            return SetupOutcome.NotAllowed;
        }

        // Refused, not sanctioned: the asker has not said anything to anyone yet.
        if (_policies().ViolatedBy(Mode.Question, question) is { } policy)
        {
            refusedBy = policy;
            _effects.Tell(person, NoticeKind.Moderation, Notices.QuestionRefused(policy.Reason));
            return SetupOutcome.Rejected;
        }

        person.Question = question;
        _effects.Tell(person, NoticeKind.Question, Notices.YourQuestion(question));
        _effects.Tell(person, NoticeKind.Waiting, Notices.LookingForDiscussers);
        formed = Form(Question, person, _time.GetUtcNow());
        return SetupOutcome.Accepted;
    }

    /// <summary>Takes a waiting person out of every lobby (their stream has ended: nothing is recorded).</summary>
    /// <returns>False when they were not waiting here (already in a room, or gone).</returns>
    public bool Leave(PersonId id)
    {
        if (!_waiting.Remove(id, out var person))
        {
            return false;
        }

        person.Release();
        return true;
    }

    /// <summary>Whether <paramref name="id"/>'s last room is known, so that <see cref="AvoidLastCompany"/> would keep its people apart.</summary>
    public bool RemembersLastCompany(PersonId id) => Avoidances is not null && _meetings?.Of(id) is not null;

    /// <summary>
    /// "Don't match me with them again": <paramref name="id"/>'s origin and the origins of everyone
    /// else in the last room formed for them are kept apart from now on. Asking again changes nothing.
    /// </summary>
    /// <returns>What was kept apart, or null when their last room is not known (forgotten, or none formed: global chat has none) or nobody in it has a known origin.</returns>
    public AvoidedCompany? AvoidLastCompany(PersonId id)
    {
        if (Avoidances is null || _meetings?.Of(id) is not { } meeting)
        {
            return null;
        }

        var (_, entry, origin) = meeting.Members.First(member => member.Id == id);
        var others = meeting.Members.Count - 1;
        var kept = meeting.Members.Where(member => member.Id != id).Count(member => Avoidances.Add(origin, member.Origin));
        // Without an origin (no client address) nobody can be kept apart: the person is told nothing changed.
        return kept > 0 ? new AvoidedCompany(entry, others) : null;
    }

    /// <summary>
    /// Where a newcomer to question mode is needed: askers are a third of each room, so the side
    /// that is short of its share, or a fair coin when the lobby is balanced.
    /// </summary>
    public QuestionSide SuggestQuestionSide()
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
