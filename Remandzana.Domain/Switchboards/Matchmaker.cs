using Remandzana.Domain.Lines;
using Remandzana.Domain.Lobbies;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.Switchboards;

/// <summary>
/// Who waits for whom: the lobbies of two-person, three-person and question mode, and "any"
/// mode as a person waiting in all three. It picks the members of each new room; opening the
/// room is its owner's business. One owner calls it, one call at a time (the matchmaking grain,
/// or the lock of a switchboard in one process): that serial point is what keeps a person in
/// several lobbies from entering two rooms.
/// </summary>
public sealed class Matchmaker
{
    private readonly Dictionary<PersonId, Person> _waiting = [];
    private readonly Random _random;
    private readonly PoliciesByMode _policies;
    private readonly int _maxMessageLength;

    public Matchmaker(Random random, PoliciesByMode? policies = null, int maxMessageLength = MessageText.DefaultMaxLength)
    {
        _random = random;
        _policies = policies ?? PoliciesByMode.None;
        _maxMessageLength = maxMessageLength;
        Lobbies = [Two, Three, Question];
    }

    public TwoLobby Two { get; } = new();

    public ThreeLobby Three { get; } = new();

    public QuestionLobby Question { get; } = new();

    public IReadOnlyList<Lobby> Lobbies { get; }

    /// <summary>Everyone waiting, in no order.</summary>
    public IReadOnlyCollection<Person> Waiting => _waiting.Values;

    public Person? Find(PersonId id) => _waiting.GetValueOrDefault(id);

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
        if (tell && person.Entry == ChatEntry.Any)
        {
            person.Tell(NoticeKind.Waiting, Notices.LookingForPeople);
        }

        var formed = new List<Formation>();
        foreach (var lobby in LobbiesFor(person.Entry))
        {
            if (tell && person.Entry != ChatEntry.Any)
            {
                person.Tell(NoticeKind.Waiting, lobby.WaitingNotice(person));
            }

            lobby.Enter(person);
            formed.AddRange(Form(lobby));
            if (!_waiting.ContainsKey(person.Id))
            {
                break;
            }
        }

        return formed;
    }

    private Lobby[] LobbiesFor(ChatEntry entry)
    {
        switch (entry)
        {
            case ChatEntry.Two: return [Two];
            case ChatEntry.Three: return [Three];
            case ChatEntry.QuestionAsk or ChatEntry.QuestionDiscuss: return [Question];
            case ChatEntry.Any:
                Lobby[] lobbies = [Two, Three, Question];
                _random.Shuffle(lobbies);
                return lobbies;
            default: throw new ArgumentOutOfRangeException(nameof(entry), entry, null);
        }
    }

    private List<Formation> Form(Lobby lobby)
    {
        var formed = new List<Formation>();
        while (lobby.NextRoomMembers() is { } members)
        {
            foreach (var member in members)
            {
                member.LeaveAllLobbies();
                _waiting.Remove(member.Id);
            }

            formed.Add(new Formation(lobby.Mode, members));
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
        if (_policies.ViolatedBy(Mode.Question, question) is { } policy)
        {
            refusedBy = policy;
            person.Tell(NoticeKind.Moderation, Notices.QuestionRefused(policy.Reason));
            return SetupOutcome.Rejected;
        }

        person.Question = question;
        person.Tell(NoticeKind.Question, Notices.YourQuestion(question));
        person.Tell(NoticeKind.Waiting, Notices.LookingForDiscussers);
        formed = Form(Question);
        return SetupOutcome.Accepted;
    }

    /// <summary>Takes a waiting person out of every lobby and ends their stream.</summary>
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
