using System.Collections.Immutable;
using Remandzana.Domain.Lines;
using Remandzana.Domain.People;

namespace Remandzana.Domain.Rooms;

/// <summary>
/// People talking together. Membership changes only under the switchboard's lock; relay reads an
/// immutable snapshot of the members and posts under the room's own gate, so every member's log
/// shows the room's lines in one order.
/// </summary>
public abstract class Room
{
    private readonly Dictionary<Role, int> _admittedPerRole = [];
    private readonly object _relayGate = new();
    private ImmutableArray<Member> _members = [];

    protected Room(string id, DateTimeOffset createdAt)
    {
        Id = id;
        CreatedAt = createdAt;
    }

    public string Id { get; }

    public DateTimeOffset CreatedAt { get; }

    public abstract Mode Mode { get; }

    public ImmutableArray<Member> Members => _members;

    /// <summary>The conversation is over for whoever remains (they are told and released).</summary>
    internal virtual bool IsOver => _members.Length <= 1;

    /// <summary>How <paramref name="subject"/> appears in <paramref name="viewer"/>'s log.</summary>
    public abstract Speaker Appearance(Member subject, Person viewer);

    internal void Admit(Person person)
    {
        var index = _admittedPerRole.GetValueOrDefault(person.Role);
        _admittedPerRole[person.Role] = index + 1;
        _members = _members.Add(new Member(person, index));
        person.Room = this;
    }

    /// <summary>Tells the first members that the room exists.</summary>
    internal abstract void AnnounceFormed();

    /// <summary>Tells a newcomer and the others that the newcomer arrived (rooms that stay open).</summary>
    internal virtual void AnnounceJoined(Member newcomer)
    {
    }

    internal void Remove(Person person)
    {
        var member = Find(person);
        if (member is null)
        {
            return;
        }

        _members = _members.Remove(member);
        person.Room = null;
        AnnounceLeft(member);
    }

    protected abstract void AnnounceLeft(Member departed);

    internal void AnnounceOver()
    {
        foreach (var member in _members)
        {
            Tell(member.Person, NoticeKind.Ended, OverNotice);
        }
    }

    /// <summary>The last line for whoever remains when the conversation is over.</summary>
    protected virtual string OverNotice => Notices.EveryoneElseLeft;

    public Member? Find(Person person)
    {
        foreach (var member in _members)
        {
            if (ReferenceEquals(member.Person, person))
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>Relays a chat message from <paramref name="sender"/> to every member, the sender included.</summary>
    internal void Relay(Member sender, string text)
    {
        lock (_relayGate)
        {
            foreach (var member in _members)
            {
                member.Person.Tell(new ChatLine(Appearance(sender, member.Person), text));
            }
        }
    }

    protected void Tell(Person person, NoticeKind kind, string text)
    {
        lock (_relayGate)
        {
            person.Tell(kind, text);
        }
    }

    protected void Tell(Person person, Line line)
    {
        lock (_relayGate)
        {
            person.Tell(line);
        }
    }

    /// <summary>Tells every member a notice worded for each of them.</summary>
    protected void TellEach(Func<Member, Line?> lineFor, Person? except = null)
    {
        lock (_relayGate)
        {
            foreach (var member in _members)
            {
                if (ReferenceEquals(member.Person, except))
                {
                    continue;
                }

                if (lineFor(member) is { } line)
                {
                    member.Person.Tell(line);
                }
            }
        }
    }
}
