using Orleans.Runtime;
using Remandzana.Domain.People;
using Remandzana.Domain.Transcripts;

namespace Remandzana.Web.Cluster;

/// <summary>
/// The end of one person's stream on the instance that serves their page: their mailbox, the
/// room they are in once it formed, and whether they left. Changed under its own lock.
/// </summary>
public sealed class Listener(Person person, SiloAddress home)
{
    public Person Person { get; } = person;

    public string Id => Person.Id.Value;

    /// <summary>The last lines they were shown: for a report, and for "Save conversation" when that is on.</summary>
    public required Transcript Transcript { get; init; }

    /// <summary>Set by the first lines of their room (global chat: at once).</summary>
    public string? RoomId { get; set; }

    /// <summary>The reference to their room's grain, resolved at their first message.</summary>
    public IRoomGrain? RoomGrain { get; set; }

    /// <summary>The asker's accepted question.</summary>
    public string? Question { get; set; }

    /// <summary>Their stream ended here; the grains are told (or will be, once their room is known).</summary>
    public bool Left { get; set; }

    /// <summary>What they were told on joining is in their mailbox: lines from rooms may follow.</summary>
    public bool Joined { get; set; }

    /// <summary>Lines from a room that came before the answer to their join, shown right after it.</summary>
    public List<Parcel>? Early { get; set; }

    private int _dropped;

    /// <summary>True the first time only: their reader fell behind and their stream is being dropped.</summary>
    public bool MarkDropped() => Interlocked.Exchange(ref _dropped, 1) == 0;

    public Arrival Arrival => new(Id, (int)Person.Entry, Person.JoinedAt, home, Question, Person.Preferences.Language, Person.Preferences.Interests.ToString(), Person.Origin.Value);
}
