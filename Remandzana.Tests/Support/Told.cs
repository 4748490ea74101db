using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Lobbies;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Turns;

namespace Remandzana.Tests.Support;

/// <summary>
/// What the domain told whom, gathered from the effects its owners take after each call, the way the
/// grains carry them: a matchmaker's turn first, then each room it formed, opened in order. Glue only:
/// tests call <see cref="Matchmaker"/> and <see cref="Room"/> themselves and hand each turn's result here.
/// </summary>
public sealed class Told
{
    private readonly Dictionary<PersonId, List<Line>> _lines = [];
    private readonly HashSet<PersonId> _released = [];
    private readonly List<(PersonId Person, Verdict Verdict)> _verdicts = [];
    private readonly List<Room> _rooms = [];

    public Told(int seed = 1, PoliciesByMode? policies = null, TimeSpan? preferenceWait = null, FakeTimeProvider? clock = null)
    {
        Clock = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        Avoidances = new Avoidances(Clock, AvoidFor);
        Matchmaker = new Matchmaker(new Random(seed), policies, MessageText.DefaultMaxLength, new Affinity(preferenceWait ?? Affinity.DefaultWait), Clock, Avoidances, new Meetings(Clock, RememberMeetingsFor));
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>How long "Don't match me with them again" holds here (the site's default).</summary>
    public static readonly TimeSpan AvoidFor = TimeSpan.FromHours(24);

    /// <summary>How long whom a person met is known here (a send token's default lifetime).</summary>
    public static readonly TimeSpan RememberMeetingsFor = TimeSpan.FromHours(24);

    public Avoidances Avoidances { get; }

    public Matchmaker Matchmaker { get; }

    /// <summary>Every room opened here, in the order they formed.</summary>
    public IReadOnlyList<Room> Rooms => _rooms;

    public Person Newcomer(ChatEntry entry, Preferences? preferences = null, Origin? origin = null) =>
        new(PersonId.New(), Person.RoleFor(entry), entry, Clock.GetUtcNow(), origin) { Preferences = preferences ?? Preferences.None };

    /// <summary>A newcomer joins the matchmaker; the rooms their arrival made possible open.</summary>
    public Person Join(ChatEntry entry, Preferences? preferences = null, Origin? origin = null)
    {
        var person = Newcomer(entry, preferences, origin);
        Open(Matchmaker.Join(person));
        return person;
    }

    /// <summary>Takes what the matchmaker's turn said, then opens each room it formed and takes what that said.</summary>
    public IReadOnlyList<Room> Open(IReadOnlyList<Formation> formed)
    {
        Take(Matchmaker.TakeEffects());
        var opened = formed.Select(formation => After(formation.Open($"room-{_rooms.Count + 1}", Clock.GetUtcNow()))).ToList();
        _rooms.AddRange(opened);
        return opened;
    }

    /// <summary>Takes what the room's last call said; <paramref name="result"/> is that call's answer, passed through.</summary>
    public T After<T>(Room room, T result)
    {
        Take(room.TakeEffects());
        return result;
    }

    public Room After(Room room) => After(room, room);

    public void Take(Effects effects)
    {
        foreach (var (to, line) in effects.Deliveries)
        {
            if (!_lines.TryGetValue(to, out var lines))
            {
                _lines[to] = lines = [];
            }

            lines.Add(line);
        }

        _released.UnionWith(effects.Released);
        _verdicts.AddRange(effects.Verdicts);
    }

    /// <summary>The lines told to <paramref name="person"/> since the last time they were read, oldest first.</summary>
    public List<Line> Drain(Person person) => _lines.Remove(person.Id, out var lines) ? lines : [];

    /// <summary>The same, as a reader sees them: "Name: text" for a message, the English for a notice.</summary>
    public List<string> Texts(Person person) => Drain(person).Select(line => line switch
    {
        ChatLine chat => $"{chat.From.Name}: {chat.Text}",
        SystemLine notice => notice.Text,
        _ => line.ToString()!,
    }).ToList();

    /// <summary>Their stream was told to end once it has shown their lines.</summary>
    public bool Released(Person person) => _released.Contains(person.Id);

    public IReadOnlyList<Verdict> Verdicts(Person person) => _verdicts.Where(verdict => verdict.Person == person.Id).Select(verdict => verdict.Verdict).ToList();
}
