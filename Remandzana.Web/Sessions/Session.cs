using Orleans.Runtime;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.People;
using Remandzana.Domain.Transcripts;
using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;

namespace Remandzana.Web.Sessions;

/// <summary>
/// One person's session on the instance that serves their page: the end of their stream (mailbox
/// and transcript), who they are as their page started, the room they are in once it formed, and
/// whether they left. The rules about them run in their lobby or room, never here. Changed under
/// its own lock.
/// </summary>
public sealed class Session(PersonId id, ChatEntry entry, DateTimeOffset joinedAt, Preferences preferences, Origin origin, Mailbox mailbox, SiloAddress home)
{
    public PersonId Id { get; } = id;

    public ChatEntry Entry { get; } = entry;

    public Role Role => Person.RoleFor(Entry);

    public DateTimeOffset JoinedAt { get; } = joinedAt;

    public Preferences Preferences { get; } = preferences;

    public Origin Origin { get; } = origin;

    /// <summary>The lines waiting for their stream.</summary>
    public Mailbox Mailbox { get; } = mailbox;

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

    /// <summary>Told once that nobody reads what they type yet.</summary>
    public bool WarnedNotTalking { get; set; }

    /// <summary>Lines from a room that came before the answer to their join, shown right after it.</summary>
    public List<Parcel>? Early { get; set; }

    /// <summary>The page that shows their lines now; null while they are held after a drop, or gone.</summary>
    public StreamLease? Stream { get; set; }

    /// <summary>Their stream ended without a leave: their room holds them, their lines wait in the mailbox.</summary>
    public bool Held { get; set; }

    /// <summary>Handed over to the instance their resume link reached: nothing more happens to them here.</summary>
    public bool Moving { get; set; }

    /// <summary>The one-use key their current resume link carries (<see cref="Security.ResumeLinks"/>).</summary>
    public string ResumeKey { get; set; } = Security.ResumeLinks.NewKey();

    private int _dropped;

    /// <summary>True the first time only: their reader fell behind and their stream is being dropped.</summary>
    public bool MarkDropped() => Interlocked.Exchange(ref _dropped, 1) == 0;

    public Arrival Arrival => new(Id.Value, (int)Entry, JoinedAt, home, Question, Preferences.Language, Preferences.Interests.ToString(), Origin.Value);
}
