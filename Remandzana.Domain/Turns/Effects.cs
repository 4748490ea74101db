using Remandzana.Domain.Lines;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;

namespace Remandzana.Domain.Turns;

/// <summary>
/// What one turn of a room or of the matchmaker says must happen, recorded as values the way an
/// aggregate records domain events: the lines to deliver, in the order they were said; the people
/// whose stream ends once their lines are shown; the moderation verdicts given. The owner takes
/// them at the end of the turn (<c>TakeEffects</c>) and carries them.
/// </summary>
public sealed class Effects
{
    private List<Delivery>? _deliveries;
    private List<PersonId>? _released;
    private List<(PersonId Person, Verdict Verdict)>? _verdicts;

    public static Effects None { get; } = new();

    public IReadOnlyList<Delivery> Deliveries => _deliveries ?? (IReadOnlyList<Delivery>)[];

    /// <summary>People whose conversation is over: their stream shows the lines of this turn, then ends.</summary>
    public IReadOnlyList<PersonId> Released => _released ?? (IReadOnlyList<PersonId>)[];

    public IReadOnlyList<(PersonId Person, Verdict Verdict)> Verdicts => _verdicts ?? (IReadOnlyList<(PersonId, Verdict)>)[];

    public bool IsEmpty => _deliveries is null && _released is null && _verdicts is null;

    /// <summary>The lines for one person, in order.</summary>
    public IEnumerable<Line> For(PersonId person) => Deliveries.Where(delivery => delivery.To == person).Select(delivery => delivery.Line);

    internal void Tell(Person person, Line line) => (_deliveries ??= []).Add(new Delivery(person.Id, line));

    internal void Tell(Person person, NoticeKind kind, Notice notice) => Tell(person, new SystemLine(kind, notice));

    internal void Release(Person person) => (_released ??= []).Add(person.Id);

    internal void Judged(Person person, Verdict verdict) => (_verdicts ??= []).Add((person.Id, verdict));
}
