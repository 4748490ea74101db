using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Lobbies;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Web.Captcha;
using Remandzana.Web.Cluster;
using Remandzana.Web.Moderation;
using Remandzana.Web.Options;
using Remandzana.Web.Reports;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Grains;

/// <summary>
/// The domain's <see cref="Matchmaker"/>, one call at a time: the serial point that admits each
/// person to exactly one room. It only picks members; <see cref="RoomOpening"/> opens each room on the caller's silo.
/// It lives in memory: when its silo dies, the instances put their waiting people back (<see cref="Recover"/>).
/// When a waiting person's wait for someone close runs out, a grain timer (one, set to the next
/// deadline) retries their match: nobody polls, and the rooms it forms open on this silo. Who met
/// whom, and the origins kept apart ("Don't match me with them again"), are in its memory only: a
/// new activation after its silo died has forgotten them.
/// </summary>
[KeepAlive]
public sealed partial class MatchmakingGrain(
    PoliciesInForce policies,
    IOptions<ChatOptions> chat,
    IOptions<MatchingOptions> matching,
    TimeProvider time,
    InstanceClient instances,
    RoomOpening rooms,
    ILogger<MatchmakingGrain> log,
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    OriginHashes? hashes = null) : Grain, IMatchmakingGrain
{
    private readonly Matchmaker _matchmaker = new(
        new Random(),
        () => policies.Current,
        chat.Value.MaxMessageLength,
        new Affinity(TimeSpan.FromSeconds(matching.Value.InterestWaitSeconds)),
        time,
        new Avoidances(time, TimeSpan.FromHours(matching.Value.AvoidHours)),
        // As long as the form that asks can be valid: a send token's lifetime.
        new Meetings(time, TimeSpan.FromHours(chat.Value.TokenLifetimeHours)));
    private readonly Dictionary<string, Arrival> _arrivals = [];

    /// <summary>People who left while their room was opening: if it fails to open, they are not taken back.</summary>
    private readonly HashSet<string> _leftWhileOpening = [];
    private long _activatedAt;
    private IGrainTimer? _retry;
    private DateTimeOffset? _retryAt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _activatedAt = membership.CurrentSnapshot.Version.Value;
        return Task.CompletedTask;
    }

    public Task<JoinReply> Join(Arrival arrival)
    {
        var formed = _matchmaker.Join(Waiting(arrival));
        var reply = new JoinReply([.. _matchmaker.TakeEffects().For(new PersonId(arrival.PersonId))], Formations(formed));
        ScheduleRetry();
        return Task.FromResult(reply);
    }

    public Task<SetupReply> SubmitQuestion(string personId, string? question)
    {
        var outcome = _matchmaker.SubmitQuestion(new PersonId(personId), question, out var refusedBy, out var formed);
        var home = _arrivals.GetValueOrDefault(personId)?.Home;
        var accepted = outcome == SetupOutcome.Accepted ? MessageText.Normalise(question).Trim() : null;
        var told = _matchmaker.TakeEffects();
        var asker = home is null ? null : new PersonDelivery(personId, null, [.. told.For(new PersonId(personId))], false, accepted);
        if (accepted is not null && _arrivals.TryGetValue(personId, out var arrival))
        {
            _arrivals[personId] = arrival with { Question = accepted };
        }

        var reply = new SetupReply(outcome, refusedBy?.Reason, home, asker, Formations(formed));
        ScheduleRetry();
        return Task.FromResult(reply);
    }

    public Task<bool> Leave(string personId)
    {
        _arrivals.Remove(personId);
        var waited = _matchmaker.Leave(new PersonId(personId));
        if (!waited)
        {
            if (_leftWhileOpening.Count >= MaxLeftWhileOpening)
            {
                _leftWhileOpening.Clear();
            }

            _leftWhileOpening.Add(personId);
        }

        return Task.FromResult(waited);
    }

    /// <summary>Enough for the few people whose room is opening as they leave (most such rooms open and never ask).</summary>
    private const int MaxLeftWhileOpening = 1024;

    public Task<FormationMessage[]> TakeBack(Arrival[] members)
    {
        var back = members.Where(member => !_leftWhileOpening.Remove(member.PersonId) && !_arrivals.ContainsKey(member.PersonId)).Select(Waiting).ToList();
        var formed = _matchmaker.Restore(back);
        var reply = Formations(formed);
        ScheduleRetry();
        return Task.FromResult(reply);
    }

    public Task<QuestionSide> SuggestQuestionSide() => Task.FromResult(_matchmaker.SuggestQuestionSide());

    public Task<AvoidedCompany?> AvoidLastCompany(string personId) => Task.FromResult(_matchmaker.AvoidLastCompany(new PersonId(personId)));

    public Task<bool> RemembersLastCompany(string personId) => Task.FromResult(_matchmaker.RemembersLastCompany(new PersonId(personId)));

    public Task<FormationMessage[]> Recover(SiloAddress dead, long deathVersion, Arrival[] waiting)
    {
        foreach (var gone in _arrivals.Values.Where(arrival => arrival.Home.Equals(dead)).Select(arrival => arrival.PersonId).ToList())
        {
            _arrivals.Remove(gone);
            _matchmaker.Leave(new PersonId(gone));
        }

        // A matchmaker older than the death kept everyone; only a new one (its silo was the one lost) takes people back.
        if (_activatedAt < deathVersion)
        {
            return Task.FromResult(Array.Empty<FormationMessage>());
        }

        var formed = _matchmaker.Restore(waiting.Where(arrival => !_arrivals.ContainsKey(arrival.PersonId)).Select(Waiting).ToList());
        var reply = Formations(formed);
        ScheduleRetry();
        return Task.FromResult(reply);
    }

    public Task<MatchmakingView> Snapshot() => Task.FromResult(new MatchmakingView(
        _matchmaker.Lobbies.Select(lobby => new LobbyWaiting(
            lobby.Mode.ToString(),
            lobby.RoomNeeds.ToDictionary(need => need.Key.ToString(), need => need.Value),
            lobby.Waiting.Select(person => person.Id.Value).ToArray())).ToArray(),
        silo.Name));

    /// <summary>Sets the one timer to the next waiting person's deadline (or stops it when nobody has one).</summary>
    private void ScheduleRetry()
    {
        var next = _matchmaker.NextDeadline;
        if (next == _retryAt)
        {
            return;
        }

        _retryAt = next;
        var due = next is { } at ? TimeSpan.FromTicks(Math.Max(0, (at - time.GetUtcNow()).Ticks)) : Timeout.InfiniteTimeSpan;
        if (_retry is null)
        {
            if (next is not null)
            {
                _retry = this.RegisterGrainTimer(Retry, due, Timeout.InfiniteTimeSpan);
            }

            return;
        }

        _retry.Change(due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The timer's turn: whoever's wait ran out is told so on their instance first, then the rooms that makes possible open.</summary>
    private async Task Retry()
    {
        _retryAt = null;
        var formed = _matchmaker.Retry();
        var told = _matchmaker.TakeEffects().Deliveries
            .Where(delivery => _arrivals.ContainsKey(delivery.To.Value))
            .GroupBy(delivery => delivery.To.Value)
            .GroupBy(person => _arrivals[person.Key].Home)
            .Select(home => (Home: home.Key, Deliveries: home.Select(person => new PersonDelivery(person.Key, null, [.. person.Select(delivery => delivery.Line)], false, null)).ToArray()))
            .ToList();
        var formations = Formations(formed);
        ScheduleRetry();
        try
        {
            await Task.WhenAll(told.Select(home => instances.At(home.Home).Tell(home.Deliveries)));
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            // A person's instance is gone: the silo watch removes its people from here and from their rooms.
            LogRetryFailed(log, e.Message);
        }

        if (formations.Length > 0)
        {
            // Outside this grain's turn: a room that fails to open gives its members back to this grain.
            _ = Task.Run(() => OpenRetried(formations));
        }
    }

    private async Task OpenRetried(FormationMessage[] formations)
    {
        try
        {
            await rooms.Open(formations);
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            LogRetryFailed(log, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A retried match could not be delivered: {Reason}")]
    private static partial void LogRetryFailed(ILogger logger, string reason);

    private Person Waiting(Arrival arrival)
    {
        var entry = (ChatEntry)arrival.Entry;
        _arrivals[arrival.PersonId] = arrival;
        var person = new Person(new PersonId(arrival.PersonId), Person.RoleFor(entry), entry, arrival.JoinedAt, HashedOrigin(arrival))
        {
            Preferences = arrival.Preferences(),
        };
        person.Restore(arrival.Question, nickname: null);
        return person;
    }

    /// <summary>
    /// Here an origin only keeps people apart, and whom a person met is kept for hours: by its keyed
    /// hash (<see cref="OriginHashes"/>), never as an address or a pass. Rooms get the arrival as it came.
    /// Without the key just now (Redis unreachable), the person cannot be kept apart from anyone. A
    /// switchboard hosted without the reports' services (the contract tests) keeps origins as they came.
    /// </summary>
    private Origin HashedOrigin(Arrival arrival)
    {
        if (arrival.ToOrigin() is not { } origin || origin == Origin.Unknown)
        {
            return Origin.Unknown;
        }

        if (hashes is null)
        {
            return origin;
        }

        try
        {
            return new Origin(hashes.Of(origin));
        }
        catch (OriginHashKeyUnavailableException)
        {
            return Origin.Unknown;
        }
    }

    private FormationMessage[] Formations(IReadOnlyList<Formation> formed) =>
        formed.Select(formation => new FormationMessage(
            $"{formation.Mode.ToString().ToLowerInvariant()}-{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9))}",
            formation.Mode,
            formation.Members.Select(member =>
            {
                _arrivals.Remove(member.Id.Value, out var arrival);
                return arrival! with { Question = member.Question };
            }).ToArray())).ToArray();
}
