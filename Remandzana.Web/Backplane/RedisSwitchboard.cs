using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Lobbies;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Replicas;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Switchboards;
using Remandzana.Web.Debug;
using Remandzana.Web.Options;
using Remandzana.Web.Switchboards;
using StackExchange.Redis;
using Role = Remandzana.Domain.People.Role;

namespace Remandzana.Web.Backplane;

/// <summary>
/// The switchboard shared by several instances through Redis. Who waits and who talks with whom
/// lives in Redis and changes only inside switchboard.lua (atomic); what happens is published to
/// the instances whose people it concerns, and each replays it on its replica, which renders the
/// lines for its own people. A send may arrive at any instance.
/// </summary>
public sealed class RedisSwitchboard : IChatSwitchboard
{
    private static readonly Mode[] Modes = [Mode.Two, Mode.Three, Mode.Question, Mode.Global];

    private readonly RedisConnection _redis;
    private readonly TimeProvider _time;
    private readonly ILogger<RedisSwitchboard> _logger;
    private readonly int _maxMessageLength;
    private readonly ConcurrentQueue<PersonId> _orphans = new();
    private readonly Lobby[] _lobbies = [new TwoLobby(), new ThreeLobby(), new QuestionLobby(), new GlobalLobby()];
    private volatile bool _stopping;

    public bool IsStopping => _stopping;

    public RedisSwitchboard(RedisConnection redis, IOptions<ChatOptions> chat, TimeProvider time, ILogger<RedisSwitchboard> logger, PoliciesByMode? policies = null)
    {
        _redis = redis;
        _time = time;
        _logger = logger;
        _maxMessageLength = chat.Value.MaxMessageLength;
        Policies = policies ?? PoliciesByMode.None;
        Replica = new SwitchboardReplica(chat.Value.MailboxCapacity, person => _ = LeaveQuietly(person.Id, LeaveReason.Stalled));
    }

    public PoliciesByMode Policies { get; }

    public bool IsAvailable => _redis.IsListening;

    /// <summary>The people this instance serves and copies of their rooms.</summary>
    public SwitchboardReplica Replica { get; }

    public string Instance => _redis.Instance;

    /// <summary>Replays one event published to this instance (called in publication order).</summary>
    public void Apply(string json) => BackplaneEvent.Apply(Replica, json);

    public async ValueTask<Person?> Join(ChatEntry entry)
    {
        if (_stopping)
        {
            return null;
        }

        if (!_redis.IsListening)
        {
            throw new SwitchboardUnavailableException("Redis is not connected, or this instance's channel is not subscribed yet.");
        }

        var person = Replica.Add(PersonId.New(), entry, _time.GetUtcNow());
        var lobbies = LobbiesFor(entry);
        if (entry == ChatEntry.Any)
        {
            Replica.Tell(person.Id, NoticeKind.Waiting, Notices.LookingForPeople);
        }
        else if (lobbies[0].WaitingNotice(person) is { } notice)
        {
            Replica.Tell(person.Id, NoticeKind.Waiting, notice);
        }

        var arguments = new List<RedisValue> { "join", person.Id.Value, entry.ToString(), person.Role.ToString(), Instance, Now() };
        foreach (var lobby in lobbies)
        {
            arguments.Add(lobby.Mode.ToString());
            arguments.Add(Needs(lobby));
            arguments.Add(lobby.KeepsRoomsOpen ? "1" : "0");
        }

        try
        {
            await _redis.Run([.. arguments]);
        }
        catch (SwitchboardUnavailableException)
        {
            Replica.Release(person.Id);
            _orphans.Enqueue(person.Id);
            throw;
        }

        return person;
    }

    private Lobby[] LobbiesFor(ChatEntry entry)
    {
        switch (entry)
        {
            case ChatEntry.Two: return [_lobbies[0]];
            case ChatEntry.Three: return [_lobbies[1]];
            case ChatEntry.QuestionAsk or ChatEntry.QuestionDiscuss: return [_lobbies[2]];
            case ChatEntry.Global: return [_lobbies[3]];
            case ChatEntry.Any:
                Lobby[] lobbies = [_lobbies[0], _lobbies[1], _lobbies[2]];
                Random.Shared.Shuffle(lobbies);
                return lobbies;
            default: throw new ArgumentOutOfRangeException(nameof(entry), entry, null);
        }
    }

    private static string Needs(Lobby lobby) => string.Join(',', lobby.RoomNeeds.Select(need => $"{need.Key}={need.Value}"));

    public async ValueTask<SendResult> Send(PersonId id, string? text)
    {
        var problem = MessageText.Check(text, _maxMessageLength, out var message);
        if (problem != MessageText.Problem.None)
        {
            return await RoleOf(id) switch
            {
                null => new SendResult(SendOutcome.Departed),
                Role.Asker => new SendResult(SendOutcome.Silenced),
                _ => new SendResult(problem == MessageText.Problem.Empty ? SendOutcome.Empty : SendOutcome.TooLong),
            };
        }

        var arguments = new List<RedisValue> { "send", id.Value, message, _time.GetUtcNow().ToUnixTimeSeconds() / 60, GlobalCommand.Is(message) ? "1" : "0" };
        arguments.AddRange(Modes.Where(mode => Policies.ViolatedBy(mode, message) is not null).Select(mode => (RedisValue)mode.ToString()));
        var result = (RedisResult[])(await _redis.Run([.. arguments]))!;
        switch ((string?)result[0])
        {
            case "relayed": return new SendResult(SendOutcome.Relayed);
            case "notroom": return new SendResult(SendOutcome.NotInRoomYet);
            case "silenced": return new SendResult(SendOutcome.Silenced);
            case "command":
                var command = GlobalCommand.Parse(message);
                await _redis.Run("command", id.Value, (string?)result[2], message, command.Answer, command.NewNickname?.Value ?? "");
                return new SendResult(SendOutcome.CommandAnswered);
            case "violates":
                return await Enforce(id, Policies.ViolatedBy(Enum.Parse<Mode>((string)result[1]!), message)!);
            default: return new SendResult(SendOutcome.Departed);
        }
    }

    /// <summary>Counts the violation, tells the sender, and ends their conversation when the ladder says so.</summary>
    private async Task<SendResult> Enforce(PersonId id, Policy policy)
    {
        var count = (int)await _redis.Run("violation", id.Value, policy.Name);
        if (count == 0)
        {
            return new SendResult(SendOutcome.Departed);
        }

        var verdict = policy.Judge(count);
        var ends = verdict.Sanction != Sanction.Suppress;
        await _redis.Run("tell", id.Value, nameof(NoticeKind.Moderation), verdict.Notice, ends ? "1" : "0");
        return new SendResult(
            verdict.Sanction switch
            {
                Sanction.Suppress => SendOutcome.Suppressed,
                Sanction.Kick => SendOutcome.Kicked,
                _ => SendOutcome.Exiled,
            },
            verdict);
    }

    private async Task<Role?> RoleOf(PersonId id) =>
        (string?)await _redis.Run("role", id.Value) is { } role ? Enum.Parse<Role>(role) : null;

    public async ValueTask<SetupResult> SubmitQuestion(PersonId id, string? question)
    {
        var asking = (string?)await _redis.Run("asking", id.Value);
        if (asking == "departed")
        {
            return new SetupResult(SetupOutcome.Departed);
        }

        switch (MessageText.Check(question, _maxMessageLength, out var text))
        {
            case MessageText.Problem.Empty: return new SetupResult(SetupOutcome.Empty);
            case MessageText.Problem.TooLong: return new SetupResult(SetupOutcome.TooLong);
        }

        if (asking != "asker")
        {
            return new SetupResult(SetupOutcome.NotAllowed);
        }

        // Refused, not sanctioned: the asker has not said anything to anyone yet.
        if (Policies.ViolatedBy(Mode.Question, text) is { } policy)
        {
            await _redis.Run("tell", id.Value, nameof(NoticeKind.Moderation), Notices.QuestionRefused(policy.Reason), "0");
            return new SetupResult(SetupOutcome.Rejected, policy);
        }

        return (string?)await _redis.Run("question", id.Value, text, Now(), Needs(_lobbies[2])) switch
        {
            "accepted" => new SetupResult(SetupOutcome.Accepted),
            "notallowed" => new SetupResult(SetupOutcome.NotAllowed),
            _ => new SetupResult(SetupOutcome.Departed),
        };
    }

    public async ValueTask Leave(PersonId id, LeaveReason reason)
    {
        try
        {
            await _redis.Run("leave", id.Value);
        }
        catch (SwitchboardUnavailableException)
        {
            // Their stream has ended here; Redis hears of it when it is back.
            Replica.Release(id);
            _orphans.Enqueue(id);
        }
    }

    private async Task LeaveQuietly(PersonId id, LeaveReason reason)
    {
        await Task.Yield();
        await Leave(id, reason);
    }

    public async ValueTask<QuestionSide> SuggestQuestionSide()
    {
        var sides = (RedisResult[])(await _redis.Run("sides"))!;
        var balance = ((int)sides[0] * 2) - (int)sides[1];
        if (balance == 0)
        {
            return Random.Shared.Next(2) == 0 ? QuestionSide.Ask : QuestionSide.Discuss;
        }

        return balance < 0 ? QuestionSide.Ask : QuestionSide.Discuss;
    }

    public async ValueTask<DebugSnapshot> Snapshot()
    {
        RedisValue[] arguments = ["snapshot", .. _lobbies.Select(lobby => (RedisValue)lobby.Mode.ToString())];
        var json = (string?)await _redis.Run(arguments) ?? "{}";
        return RedisDebugSnapshot.Parse(json, _lobbies, Policies);
    }

    /// <summary>Redis went away: every stream here ends with a notice; Redis hears who left once it is back.</summary>
    public void ConnectionLost()
    {
        foreach (var person in Replica.ReleaseEveryone(NoticeKind.ServerStopping, Notices.ChatUnavailable))
        {
            _orphans.Enqueue(person.Id);
        }
    }

    /// <summary>Tells Redis about the people whose streams ended while it could not be reached.</summary>
    public async Task SettleOrphans()
    {
        while (_orphans.TryPeek(out var id))
        {
            await _redis.Run("leave", id.Value);
            _orphans.TryDequeue(out _);
        }
    }

    public async ValueTask Stop()
    {
        _stopping = true;
        Replica.ReleaseEveryone(NoticeKind.ServerStopping, Notices.ServerStopping);
        try
        {
            await _redis.Run("bury", Instance, "0");
            await _redis.Database.KeyDeleteAsync(_redis.Key("alive:" + Instance));
        }
        catch (Exception e) when (e is SwitchboardUnavailableException or RedisException or TimeoutException)
        {
            _logger.LogWarning("Could not tell Redis that this instance ({Instance}) stopped; the others will notice when its liveness key expires: {Reason}", Instance, e.Message);
        }
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
