using Orleans.Runtime;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Debug;
using Remandzana.Web.Grains;
using Remandzana.Web.Metrics;

namespace Remandzana.Web.Sessions;

/// <summary>
/// The switchboard on Orleans, alone or scaled out alike. A join goes to the matchmaking grain and
/// the rooms it makes possible open on this silo; a send goes from the sender's instance straight
/// to their room; lines come back to each person's instance (<see cref="InstanceService"/>).
/// Every cluster failure becomes <see cref="SwitchboardUnavailableException"/>.
/// </summary>
public sealed class ClusterSwitchboard(
    LocalSessions sessions,
    InstanceClient instances,
    IClusterMembershipService membership,
    IRelayTally tally,
    Func<bool> storageReachable,
    ILocalSiloDetails silo,
    SiteMetrics metrics,
    RoomOpening rooms,
    int maxMessageLength)
{
    private volatile bool _stopping;

    /// <summary>This silo has joined the cluster and its storage (Redis, when scaled out) can be reached.</summary>
    public bool IsAvailable => IsSiloActive && storageReachable();

    public bool IsSiloActive => membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) == SiloStatus.Active;

    private string? _homeName;

    /// <summary>This instance's silo, which the send tokens of its people name.</summary>
    public SiloAddress Home => sessions.Home;

    /// <summary><see cref="Home"/> as the send tokens carry it.</summary>
    public string HomeName => _homeName ??= Home.ToParsableString();

    /// <summary>The silo a token's home names: this one without parsing, another one parsed.</summary>
    public SiloAddress HomeOf(string name) => name == HomeName ? Home : SiloAddress.FromParsableString(name);

    /// <param name="preferences">Their language and interests (global chat ignores them).</param>
    /// <param name="origin">Their browser's origin (<see cref="Abuse.RequestOrigin"/>), carried into their room.</param>
    public async ValueTask<Session?> Join(ChatEntry entry, Preferences? preferences = null, Origin? origin = null)
    {
        if (_stopping)
        {
            return null;
        }

        if (!IsAvailable)
        {
            throw new SwitchboardUnavailableException("This silo has not joined the cluster, or its storage cannot be reached.");
        }

        var session = sessions.Add(entry, entry == ChatEntry.Global ? Preferences.None : preferences ?? Preferences.None, origin);
        try
        {
            if (entry == ChatEntry.Global)
            {
                session.RoomId = RoomGrain.GlobalKey;
                sessions.Joined(session);
                await sessions.Room(RoomGrain.GlobalKey).Welcome(session.Arrival);
            }
            else
            {
                var reply = await sessions.Matchmaking.Join(session.Arrival);
                foreach (var line in reply.Lines)
                {
                    sessions.Post(session, line);
                }

                sessions.Joined(session);
                await rooms.Open(reply.Formed);
            }
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            sessions.Forget(session);
            session.Mailbox.Close();
            throw new SwitchboardUnavailableException("The cluster did not take the join: " + e.Message, e);
        }

        return session;
    }

    /// <summary>
    /// Sends for <paramref name="id"/>, whose stream is on the instance at <paramref name="home"/>:
    /// from another instance straight to their <paramref name="room"/> once a token names it (only a
    /// talker's relayed message does), else through their home, which knows whether they are in a room yet.
    /// </summary>
    public async ValueTask<SendResult> Send(PersonId id, string? text, SiloAddress home, string? room = null)
    {
        SendReply reply;
        try
        {
            // At home the session holds the room's reference; elsewhere the token's room saves the hop to the home.
            if (room is not null && !home.Equals(Home))
            {
                if (MessageText.Refusal(Role.Talker, isInRoom: true, text, maxMessageLength, out var checkedText) is { } refusal)
                {
                    return new SendResult(refusal, RoomId: room);
                }

                reply = await sessions.Room(room).Send(id.Value, checkedText);
            }
            else
            {
                reply = home.Equals(Home) ? await sessions.Send(id.Value, text) : await instances.At(home).Send(id.Value, text);
            }
        }
        catch (SiloUnavailableException)
        {
            return new SendResult(SendOutcome.Departed);
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            throw new SwitchboardUnavailableException("The message did not reach its room: " + e.Message, e);
        }

        var (outcome, verdict, roomId) = reply;
        if (outcome == SendOutcome.Relayed)
        {
            tally.Record();
            metrics.MessageRelayed();
        }

        if (verdict is not null)
        {
            metrics.MessageSuppressed(verdict.PolicyName);
        }

        return new SendResult(outcome, verdict, roomId);
    }

    /// <summary>Sets the question of <paramref name="id"/>, whose stream is on the instance at <paramref name="home"/>.</summary>
    public async ValueTask<SetupResult> SubmitQuestion(PersonId id, string? question, SiloAddress home)
    {
        try
        {
            var refusal = home.Equals(Home)
                ? sessions.SetupRefusal(id.Value, question)
                : await instances.At(home).SetupRefusal(id.Value, question);
            if (refusal is { } refused)
            {
                return new SetupResult(refused);
            }

            var reply = await sessions.Matchmaking.SubmitQuestion(id.Value, question);
            if (reply is { Home: { } askerHome, Asker: { } asker })
            {
                if (askerHome.Equals(Home))
                {
                    sessions.Deliver(asker.ToParcel());
                }
                else
                {
                    await instances.At(askerHome).Tell([asker]);
                }
            }

            await rooms.Open(reply.Formed);
            return new SetupResult(reply.Outcome, reply.RefusalReason);
        }
        catch (SiloUnavailableException)
        {
            return new SetupResult(SetupOutcome.Departed);
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            throw new SwitchboardUnavailableException("The question did not reach the matchmaker: " + e.Message, e);
        }
    }

    /// <summary><paramref name="id"/>, whose stream is on the instance at <paramref name="home"/>, reports their conversation.</summary>
    public async ValueTask<ReportMaterial> Report(PersonId id, SiloAddress home)
    {
        try
        {
            return home.Equals(Home) ? await sessions.Report(id.Value) : await instances.At(home).Report(id.Value);
        }
        catch (SiloUnavailableException)
        {
            return new ReportMaterial(Reports.ReportOutcome.Departed);
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            throw new SwitchboardUnavailableException("The report did not reach the conversation: " + e.Message, e);
        }
    }

    /// <summary>The stream of <paramref name="lease"/> stopped: taken over, held after a drop, or the person leaves.</summary>
    public async ValueTask StreamEnded(Session session, StreamLease lease, bool clientGone)
    {
        try
        {
            await sessions.StreamEnded(session, lease, clientGone);
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            throw new SwitchboardUnavailableException("The end of a stream did not reach the cluster: " + e.Message, e);
        }
    }

    /// <summary>
    /// Resumes the person a resume link names: here when their stream was here; else their instance
    /// hands them over, their room sends their lines here from now on, and the lines that waited
    /// there come first. Null when the link resumes nobody (spent, or the conversation is over).
    /// </summary>
    public async ValueTask<(Session Session, StreamLease Lease)?> Resume(Security.ResumeLink link)
    {
        try
        {
            if (link.Home == HomeName)
            {
                return await sessions.Resume(link.PersonId.Value, link.Key);
            }

            var home = instances.At(HomeOf(link.Home));
            if (await home.HandOver(link.PersonId.Value, link.Key) is not { } handover)
            {
                return null;
            }

            var session = sessions.Adopt(link.PersonId, handover);
            if (!await sessions.Room(handover.RoomId).ComeBack(link.PersonId.Value, Home))
            {
                await home.Drain(link.PersonId.Value);
                sessions.Forget(session);
                session.Mailbox.Close();
                return null;
            }

            foreach (var line in await home.Drain(link.PersonId.Value))
            {
                sessions.Post(session, line);
            }

            sessions.Joined(session);
            return (session, session.Stream!);
        }
        catch (SiloUnavailableException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            throw new SwitchboardUnavailableException("The resume did not reach the conversation: " + e.Message, e);
        }
    }

    /// <summary><paramref name="id"/>, whose stream is on the instance at <paramref name="home"/>, ends their conversation on purpose: no wait.</summary>
    public async ValueTask LeaveOnPurpose(PersonId id, SiloAddress home)
    {
        try
        {
            if (home.Equals(Home))
            {
                await sessions.Leave(id.Value);
            }
            else
            {
                await instances.At(home).Leave(id.Value);
            }
        }
        catch (SiloUnavailableException)
        {
            // Their instance is gone, and with it their stream: the room hears of it from SiloWatch.
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            throw new SwitchboardUnavailableException("The leave did not reach the cluster: " + e.Message, e);
        }
    }

    public async ValueTask Leave(PersonId id)
    {
        try
        {
            await sessions.Leave(id.Value);
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            throw new SwitchboardUnavailableException("The leave did not reach the cluster: " + e.Message, e);
        }
    }

    /// <summary>"Don't match me with them again", from whichever instance took the post: the matchmaker knows whom they met.</summary>
    public async ValueTask<AvoidedCompany?> AvoidLastCompany(PersonId id)
    {
        try
        {
            return await sessions.Matchmaking.AvoidLastCompany(id.Value);
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            throw new SwitchboardUnavailableException("The matchmaker cannot be reached: " + e.Message, e);
        }
    }

    /// <summary>Whether the matchmaker knows whom <paramref name="id"/> last met (false when it cannot be asked just now).</summary>
    public async ValueTask<bool> RemembersLastCompany(PersonId id)
    {
        try
        {
            return await sessions.Matchmaking.RemembersLastCompany(id.Value);
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            return false;
        }
    }

    public async ValueTask<QuestionSide> SuggestQuestionSide()
    {
        try
        {
            return await sessions.Matchmaking.SuggestQuestionSide();
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            throw new SwitchboardUnavailableException("The matchmaker cannot be reached: " + e.Message, e);
        }
    }

    /// <summary>
    /// The debug view: partial when an instance or a room does not answer (its silo is dying), and
    /// <see cref="SwitchboardUnavailableException"/> when the matchmaker cannot be reached.
    /// </summary>
    public async ValueTask<DebugSnapshot> Snapshot()
    {
        try
        {
            return await Gather();
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            throw new SwitchboardUnavailableException("The debug view could not reach the matchmaker: " + e.Message, e);
        }
    }

    private static async Task<T?> Answered<T>(Task<T> call)
        where T : class?
    {
        try
        {
            return await call;
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            return null;
        }
    }

    private async Task<DebugSnapshot> Gather()
    {
        var silos = membership.CurrentSnapshot.Members.Values.Where(member => member.Status == SiloStatus.Active).ToList();
        var answers = await Task.WhenAll(silos.Select(async silo => (silo.Name, People: await Answered(instances.At(silo.SiloAddress).People()))));
        var people = answers.Where(instance => instance.People is not null).Select(instance => (instance.Name, People: instance.People!)).ToList();
        var lobbies = await sessions.Matchmaking.Snapshot();
        var roomIds = people.SelectMany(instance => instance.People).Select(person => person.RoomId).OfType<string>().Distinct().ToList();
        var rooms = (await Task.WhenAll(roomIds.Select(room => Answered(sessions.Room(room).Snapshot())))).OfType<RoomSnapshot>().ToList();
        // A room rebuilt on another silo may, for a moment, still name someone its old copy also held.
        var members = rooms.SelectMany(room => room.Members).GroupBy(member => member.Id).ToDictionary(group => group.Key, group => group.First());
        var lobbiesOf = lobbies.Lobbies
            .SelectMany(lobby => lobby.Waiting.Select(id => (id, lobby.Mode)))
            .GroupBy(pair => pair.id)
            .ToDictionary(group => group.Key, group => group.Select(pair => pair.Mode).ToList());
        var global = rooms.FirstOrDefault(room => room.Id == RoomGrain.GlobalKey);
        return new DebugSnapshot(
            people
                .SelectMany(instance => instance.People.Select(person => (instance.Name, Person: person)))
                .OrderBy(pair => pair.Person.JoinedAt)
                .ThenBy(pair => pair.Person.Id, StringComparer.Ordinal)
                .Select(pair =>
                {
                    var (name, person) = pair;
                    var member = members.GetValueOrDefault(person.Id);
                    return new PersonView(
                        person.Id,
                        person.Role,
                        person.Entry,
                        person.JoinedAt,
                        member is null ? null : person.RoomId,
                        lobbiesOf.GetValueOrDefault(person.Id) ?? [],
                        person.HasQuestion,
                        person.HasQuestion && person.Role == nameof(Role.Asker),
                        member?.Nickname,
                        person.WarnedNotTalking,
                        member?.ModerationWarned ?? false,
                        member?.Violations ?? [],
                        silos.Count > 1 ? name : null,
                        person.Language,
                        person.Interests ?? []);
                })
                .ToList(),
            [
                .. lobbies.Lobbies.Select(lobby => new LobbyView(lobby.Mode, lobby.Needs, false, lobby.Waiting, [])),
                new LobbyView(nameof(Mode.Global), new Dictionary<string, int> { [nameof(Role.Talker)] = 1 }, true, [], global is null ? [] : [global.Id]),
            ],
            rooms
                .OrderBy(room => room.CreatedAt)
                .ThenBy(room => room.Id, StringComparer.Ordinal)
                .Select(room => new RoomView(room.Id, room.Mode, room.CreatedAt, room.Members.Select(member => new MemberView(member.Id, member.Role, member.IndexInRole)).ToList()))
                .ToList(),
            lobbies.Instance)
        {
            Unreachable = answers.Any(instance => instance.People is null) ? [.. answers.Where(instance => instance.People is null).Select(instance => instance.Name)] : null,
        };
    }

    /// <summary>How many people have a chat page open on every instance, per entry (by its number).</summary>
    public async ValueTask<int[]> PeoplePerEntry()
    {
        var silos = membership.CurrentSnapshot.Members.Values.Where(member => member.Status == SiloStatus.Active).ToList();
        var counts = await Task.WhenAll(silos.Select(member => member.SiloAddress.Equals(Home) ? Task.FromResult(sessions.PerEntry()) : instances.At(member.SiloAddress).PeoplePerEntry()));
        return [.. Enumerable.Range(0, Enum.GetValues<ChatEntry>().Length).Select(entry => counts.Sum(instance => instance[entry]))];
    }

    /// <summary>Every stream here gets the restart notice and ends at once; later joins are refused.</summary>
    public void EndStreams()
    {
        _stopping = true;
        sessions.EndAll(Notices.ServerStopping);
    }

    /// <summary>Everyone here leaves their lobby or room, so their partners on other instances are told before this silo stops.</summary>
    public async ValueTask Stop()
    {
        EndStreams();
        await sessions.LeaveAll();
    }
}
