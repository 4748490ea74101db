using System.Diagnostics.CodeAnalysis;
using Orleans;
using Orleans.Placement;
using Orleans.Runtime;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Turns;
using Remandzana.Web.Captcha;
using Remandzana.Web.Cluster;
using Remandzana.Web.Moderation;
using Remandzana.Web.Operator;
using Remandzana.Web.Reports;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Grains;

/// <summary>
/// One room on the silo where it formed: the domain's <see cref="Room"/> runs here, one call at
/// a time, and what it says goes to each member's instance. Its membership is stored whenever it
/// changes (scaled out), so when its silo dies the room comes back elsewhere with everyone in
/// their places. It stays active until its conversation ends (alone, memory is all it has), then
/// deactivates; a late call to it finds no room (nothing formed it, nothing is stored) and is
/// answered "gone" by an activation that deactivates at once instead of staying as an empty room.
/// </summary>
[PreferLocalPlacement]
[KeepAlive]
public sealed partial class RoomGrain(
    [PersistentState("room", ClusterServices.RoomStorage)] IPersistentState<RoomState> state,
    PoliciesInForce policies,
    LocalSessions here,
    InstanceClient instances,
    RoomStorageMode storage,
    EchoWatch echoes,
    ChatFilterBook filters,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<Options.ChatOptions> chat) : Grain, IRoomGrain
{
    public const string GlobalKey = "global";

    private readonly Dictionary<string, (Person Person, Arrival Arrival)> _members = [];
    private readonly Outbox _outbox = new();
    private readonly Dictionary<string, IGrainTimer> _graces = [];
    private readonly int _resumeSeconds = chat.Value.ResumeSeconds;
    private Room? _room;

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && state.State.Members.Count > 0)
        {
            Rebuild(state.State);
        }

        return Task.CompletedTask;
    }

    private void Rebuild(RoomState stored)
    {
        _room = Room.Create((Mode)stored.Mode, Key, stored.CreatedAt, stored.Question);
        foreach (var member in stored.Members)
        {
            var person = Admitted(member.Arrival);
            person.Restore(member.Arrival.Question, member.Nickname is { } name && Nickname.TryCreate(name, out var nickname) ? nickname : null);
            foreach (var policy in policies.Current.For(_room.Mode))
            {
                person.Moderation.Restore(policy, member.Violations.GetValueOrDefault(policy.Name));
            }

            _room.Readmit(person, member.IndexInRole);
        }
    }

    private Person Admitted(Arrival arrival)
    {
        var entry = (ChatEntry)arrival.Entry;
        var person = new Person(new PersonId(arrival.PersonId), Person.RoleFor(entry), entry, arrival.JoinedAt, arrival.ToOrigin())
        {
            Preferences = arrival.Preferences(),
        };
        _members[arrival.PersonId] = (person, arrival);
        return person;
    }

    public async Task Form(FormationMessage formation)
    {
        if (_room is not null)
        {
            return;
        }

        var people = new List<Person>();
        foreach (var arrival in formation.Members)
        {
            var person = Admitted(arrival);
            person.Restore(arrival.Question, nickname: null);
            _outbox.For(arrival.Home, arrival.PersonId).RoomId = Key;
            people.Add(person);
        }

        _room = new Formation(formation.Mode, people).Open(Key, time.GetUtcNow());
        await Settle();
    }

    public async Task Welcome(Arrival arrival)
    {
        if (_room is not GlobalRoom global)
        {
            global = new GlobalRoom(Key, time.GetUtcNow());
            _room = global;
        }

        if (_members.ContainsKey(arrival.PersonId))
        {
            return;
        }

        global.Welcome(Admitted(arrival));
        await Settle();
    }

    public async Task<SendReply> Send(string personId, string text)
    {
        if (Gone() || !_members.TryGetValue(personId, out var member))
        {
            return new SendReply(SendOutcome.Departed);
        }

        var outcome = _room.Receive(member.Person, text, policies.Current, echoes.Observe(member.Person.Origin, Key, text), filters.Current);
        var effects = _room.TakeEffects();
        var verdict = effects.Verdicts.Count > 0 ? effects.Verdicts[0].Verdict : null;
        Carry(effects);
        if (outcome is SendOutcome.Relayed)
        {
            _outbox.Send(here, instances);
        }
        else
        {
            await Settle();
        }

        return new SendReply(outcome, verdict, Key);
    }

    public async Task Leave(string personId)
    {
        if (Gone() || !_members.TryGetValue(personId, out var member))
        {
            return;
        }

        _room.Depart(member.Person);
        await Settle();
    }

    public async Task<bool> Drop(string personId)
    {
        if (Gone() || !_members.TryGetValue(personId, out var member))
        {
            return false;
        }

        if (_resumeSeconds == 0)
        {
            _room.Depart(member.Person);
            await Settle();
            return false;
        }

        if (_room.Drop(member.Person, _resumeSeconds))
        {
            // The wait is a turn of this grain's own, so it never races the room's other calls.
            _graces[personId] = this.RegisterGrainTimer((id, _) => GraceOver(id), personId, TimeSpan.FromSeconds(_resumeSeconds), Timeout.InfiniteTimeSpan);
            await Settle();
        }

        return true;
    }

    /// <summary>The wait for a held member ran out: they leave as anyone does.</summary>
    private async Task GraceOver(string personId)
    {
        EndGrace(personId);
        if (Gone() || !_members.TryGetValue(personId, out var member) || !_room.IsHeld(member.Person))
        {
            return;
        }

        _room.Depart(member.Person);
        await Settle();
    }

    public async Task<bool> ComeBack(string personId, SiloAddress home)
    {
        if (Gone() || !_members.TryGetValue(personId, out var member))
        {
            return false;
        }

        EndGrace(personId);
        if (!member.Arrival.Home.Equals(home))
        {
            _members[personId] = (member.Person, member.Arrival with { Home = home });
        }

        if (!_room.ComeBack(member.Person))
        {
            return false;
        }

        await Settle();
        return true;
    }

    private void EndGrace(string personId)
    {
        if (_graces.Remove(personId, out var timer))
        {
            timer.Dispose();
        }
    }

    public async Task<ReportMaterial> Report(string personId, int messagesSeen)
    {
        if (Gone() || !_members.TryGetValue(personId, out var member))
        {
            return new ReportMaterial(ReportOutcome.Departed);
        }

        var mode = _room.Mode;
        var reported = _room.Report(member.Person, messagesSeen);
        await Settle();
        return new ReportMaterial(
            ReportOutcome.Reported,
            mode.ToString(),
            [.. reported.Select(person => new ReportedMessage(person.Name, person.Origin.Value))]);
    }

    public async Task InstanceLost(SiloAddress dead)
    {
        if (Gone())
        {
            return;
        }

        foreach (var (person, _) in _members.Values.Where(member => member.Arrival.Home.Equals(dead)).ToList())
        {
            _room.Depart(person);
        }

        await Settle();
    }

    public Task<RoomSnapshot?> Snapshot() => Task.FromResult(
        Gone() || _room.Members.Length == 0
            ? null
            : new RoomSnapshot(
                _room.Id,
                _room.Mode.ToString(),
                _room.CreatedAt,
                _room.Members.Select(member => new SnapshotMember(
                    member.Person.Id.Value,
                    member.Person.Role.ToString(),
                    member.IndexInRole,
                    member.Person.Nickname?.Value,
                    member.Person.Moderation.IsWarned,
                    member.Person.Moderation.ByPolicyName.ToDictionary())).ToArray()));

    /// <summary>No room here (it ended, or never formed): the caller is answered "gone" and this activation does not stay.</summary>
    [MemberNotNullWhen(false, nameof(_room))]
    private bool Gone()
    {
        if (_room is not null)
        {
            return false;
        }

        DeactivateOnIdle();
        return true;
    }

    /// <summary>What the room said goes into the outbox, addressed to each member's instance; whoever it released is forgotten here.</summary>
    private void Carry(Effects effects)
    {
        _outbox.Add(effects, id => _members.TryGetValue(id, out var member) ? member.Arrival.Home : null);
        foreach (var released in effects.Released)
        {
            _members.Remove(released.Value);
            EndGrace(released.Value);
        }
    }

    /// <summary>Carries what the room said, stores what changed, then tells everyone; a finished room clears its storage and goes.</summary>
    private async Task Settle()
    {
        if (_room is not null)
        {
            Carry(_room.TakeEffects());
        }

        try
        {
            if (_room is null || _room.IsFinished)
            {
                _room = null;
                _members.Clear();
                foreach (var timer in _graces.Values)
                {
                    timer.Dispose();
                }

                _graces.Clear();
                if (state.RecordExists)
                {
                    await state.ClearStateAsync();
                }

                DeactivateOnIdle();
            }
            else if (storage.Stored)
            {
                state.State = Stored(_room);
                await state.WriteStateAsync();
            }
        }
        finally
        {
            _outbox.Send(here, instances);
        }
    }

    private RoomState Stored(Room room) => new()
    {
        Mode = (int)room.Mode,
        CreatedAt = room.CreatedAt,
        Question = (room as QuestionRoom)?.Question,
        Members = room.Members.Select(member => new MemberState
        {
            Arrival = _members[member.Person.Id.Value].Arrival,
            IndexInRole = member.IndexInRole,
            Nickname = member.Person.Nickname?.Value,
            Violations = policies.Current.For(room.Mode)
                .Where(policy => member.Person.Moderation.ViolationsOf(policy) > 0)
                .ToDictionary(policy => policy.Name, policy => member.Person.Moderation.ViolationsOf(policy)),
        }).ToList(),
    };
}
