using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.Replicas;

/// <summary>
/// What one instance of a scaled-out site holds: the people whose streams it serves, and a copy of
/// every room they are in. A shared switchboard elsewhere decides who meets whom; replaying its
/// events here, in the order it published them, tells this instance's people exactly what the
/// in-memory switchboard would. People served by other instances are stand-ins in the copies:
/// present (so names, indices and counts agree), told nothing here.
/// </summary>
public sealed class SwitchboardReplica(int mailboxCapacity, Action<Person> onOverflow)
{
    private readonly object _gate = new();
    private readonly Dictionary<PersonId, Person> _people = [];
    private readonly Dictionary<string, RoomCopy> _rooms = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _people.Count;
            }
        }
    }

    /// <summary>A person whose stream this instance serves, known here before the shared switchboard hears of them.</summary>
    public Person Add(PersonId id, ChatEntry entry, DateTimeOffset joinedAt)
    {
        var role = entry == ChatEntry.QuestionAsk ? Role.Asker : Role.Talker;
        var person = new Person(id, role, entry, joinedAt, mailboxCapacity, onOverflow);
        lock (_gate)
        {
            _people[id] = person;
        }

        return person;
    }

    public Person? Find(PersonId id)
    {
        lock (_gate)
        {
            return _people.GetValueOrDefault(id);
        }
    }

    public void Tell(PersonId id, NoticeKind kind, string text)
    {
        lock (_gate)
        {
            _people.GetValueOrDefault(id)?.Tell(kind, text);
        }
    }

    /// <summary>They sent a message before anyone was there to read it (told once; the shared switchboard keeps count).</summary>
    public void WarnNotTalking(PersonId id) => Tell(id, NoticeKind.NotTalkingYet, Notices.NotTalkingYet);

    /// <summary>The asker's question was accepted: they see it, and that discussers are being looked for.</summary>
    public void QuestionAccepted(PersonId id, string question)
    {
        lock (_gate)
        {
            if (_people.GetValueOrDefault(id) is { } person)
            {
                person.Question = question;
                person.Tell(NoticeKind.Question, Notices.YourQuestion(question));
                person.Tell(NoticeKind.Waiting, Notices.LookingForDiscussers);
            }
        }
    }

    /// <summary>
    /// A room formed with these members in admission order, or (global chat) this instance's first
    /// member of it arrived: then <paramref name="newcomer"/> is the last member and only their arrival is announced.
    /// </summary>
    public void Formed(string roomId, Mode mode, DateTimeOffset createdAt, string? question, IReadOnlyList<MemberCopy> members, PersonId? newcomer = null)
    {
        lock (_gate)
        {
            if (_rooms.ContainsKey(roomId))
            {
                return;
            }

            var copy = new RoomCopy(RoomCopy.Create(mode, roomId, createdAt, question));
            foreach (var member in members)
            {
                copy.Admit(Resolve(member));
            }

            if (copy.LocalMembers == 0)
            {
                return;
            }

            _rooms[roomId] = copy;
            if (newcomer is { } id && copy.Find(id) is { } arrived)
            {
                copy.Room.AnnounceJoined(arrived);
            }
            else
            {
                copy.Room.AnnounceFormed();
            }
        }
    }

    /// <summary>Someone joined a room that stays open (global chat).</summary>
    public void Joined(string roomId, MemberCopy newcomer)
    {
        lock (_gate)
        {
            if (_rooms.GetValueOrDefault(roomId) is not { } copy || copy.Find(newcomer.Id) is not null)
            {
                return;
            }

            copy.Admit(Resolve(newcomer));
            copy.Room.AnnounceJoined(copy.Room.Members[^1]);
        }
    }

    /// <summary>Someone left a room; when <paramref name="over"/>, everyone who remains is told and released.</summary>
    public void Left(string roomId, PersonId departed, bool over)
    {
        lock (_gate)
        {
            if (_rooms.GetValueOrDefault(roomId) is not { } copy)
            {
                return;
            }

            copy.Remove(departed);
            if (over)
            {
                copy.Room.AnnounceOver();
                foreach (var member in copy.Room.Members)
                {
                    member.Person.Room = null;
                    ReleaseLocked(member.Person.Id);
                }

                _rooms.Remove(roomId);
            }
            else if (copy.LocalMembers == 0)
            {
                _rooms.Remove(roomId);
            }
        }
    }

    public void Relayed(string roomId, PersonId sender, string text)
    {
        lock (_gate)
        {
            if (_rooms.GetValueOrDefault(roomId) is { } copy && copy.Find(sender) is { } member)
            {
                copy.Room.Relay(member, text);
            }
        }
    }

    /// <summary>A global-chat command: shown as typed and answered to its author only; a new nickname takes effect after it.</summary>
    public void CommandAnswered(string roomId, PersonId author, string typed, GlobalCommand command)
    {
        lock (_gate)
        {
            if (_rooms.GetValueOrDefault(roomId) is { Room: GlobalRoom global } copy && copy.Find(author) is { } member)
            {
                global.AnswerCommand(member, typed, () =>
                {
                    if (command.NewNickname is { } nickname)
                    {
                        member.Person.Nickname = nickname;
                    }

                    return command.Answer;
                });
            }
        }
    }

    public void Renamed(string roomId, PersonId who, Nickname nickname)
    {
        lock (_gate)
        {
            if (_rooms.GetValueOrDefault(roomId) is { } copy && copy.Find(who) is { } member)
            {
                member.Person.Nickname = nickname;
            }
        }
    }

    /// <summary>Ends a person's stream once it has shown what is queued; nothing more happens to them here.</summary>
    public void Release(PersonId id)
    {
        lock (_gate)
        {
            ReleaseLocked(id);
        }
    }

    /// <summary>Tells everyone served here one last line, ends every stream and forgets every room copy.</summary>
    public IReadOnlyList<Person> ReleaseEveryone(NoticeKind kind, string text)
    {
        lock (_gate)
        {
            var everyone = _people.Values.ToList();
            foreach (var person in everyone)
            {
                person.Tell(kind, text);
                person.Room = null;
                ReleaseLocked(person.Id);
            }

            _rooms.Clear();
            return everyone;
        }
    }

    private void ReleaseLocked(PersonId id)
    {
        if (_people.Remove(id, out var person))
        {
            person.IsGone = true;
            person.Mailbox.Close();
        }
    }

    private Person Resolve(MemberCopy member)
    {
        if (_people.GetValueOrDefault(member.Id) is { IsGone: false } local)
        {
            local.Nickname = member.Nickname;
            return local;
        }

        return Person.StandIn(member.Id, member.Role, member.Nickname);
    }
}
