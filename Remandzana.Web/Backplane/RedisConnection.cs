using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;
using Remandzana.Web.Switchboards;
using StackExchange.Redis;

namespace Remandzana.Web.Backplane;

/// <summary>
/// This instance's connection to the shared Redis, its name there, and the switchboard script.
/// Commands fail at once while Redis is unreachable (no backlog), so a request never hangs on it;
/// the connection comes back by itself when Redis does.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private static readonly string Script = ReadScript();

    private readonly Lazy<ConnectionMultiplexer> _multiplexer;

    public RedisConnection(IOptions<BackplaneOptions> options)
    {
        var settings = options.Value;
        Prefix = "{" + settings.KeyPrefix + "}";
        Instance = string.IsNullOrWhiteSpace(settings.InstanceName)
            ? $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}"
            : settings.InstanceName;
        Channel = RedisChannel.Literal($"{Prefix}:ch:{Instance}");
        _multiplexer = new Lazy<ConnectionMultiplexer>(() =>
        {
            var configuration = ConfigurationOptions.Parse(settings.Redis);
            configuration.AbortOnConnectFail = false;
            configuration.BacklogPolicy = BacklogPolicy.FailFast;
            configuration.ConnectTimeout = 2_000;
            configuration.AsyncTimeout = 2_000;
            configuration.SyncTimeout = 2_000;
            configuration.ClientName ??= Instance;
            return ConnectionMultiplexer.Connect(configuration);
        });
    }

    /// <summary>"{rz}": every key starts with it.</summary>
    public string Prefix { get; }

    /// <summary>This instance's name: its people and its liveness key carry it.</summary>
    public string Instance { get; }

    /// <summary>Where the shared switchboard publishes what this instance's people must see.</summary>
    public RedisChannel Channel { get; }

    public ConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public IDatabase Database => Multiplexer.GetDatabase();

    public bool IsConnected => Multiplexer.IsConnected;

    /// <summary>Connected, and this instance's channel is subscribed: events for its people reach it.</summary>
    public bool IsListening => _listening is not null && IsConnected && Multiplexer.GetSubscriber().IsConnected(Channel);

    private ChannelMessageQueue? _listening;

    /// <summary>Subscribes to this instance's channel once; the subscription then outlives reconnections.</summary>
    /// <returns>True when subscribed (now or before); false while Redis cannot be reached.</returns>
    public async Task<bool> Listen(Action<RedisValue> onEvent)
    {
        if (_listening is not null)
        {
            return true;
        }

        if (!IsConnected)
        {
            return false;
        }

        var queue = await Multiplexer.GetSubscriber().SubscribeAsync(Channel);
        queue.OnMessage(message => onEvent(message.Message));
        _listening = queue;
        return true;
    }

    public RedisKey Key(string name) => $"{Prefix}:{name}";

    /// <summary>Runs one command of the switchboard script (atomic in Redis).</summary>
    /// <exception cref="SwitchboardUnavailableException">Redis cannot be reached or did not answer in time.</exception>
    public async Task<RedisResult> Run(params RedisValue[] arguments)
    {
        if (!IsConnected)
        {
            throw new SwitchboardUnavailableException("Redis is not connected.");
        }

        try
        {
            return await Database.ScriptEvaluateAsync(Script, [Prefix], arguments);
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException or ObjectDisposedException)
        {
            throw new SwitchboardUnavailableException("Redis did not answer: " + e.Message, e);
        }
    }

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }

    private static string ReadScript()
    {
        using var stream = typeof(RedisConnection).Assembly.GetManifestResourceStream("Remandzana.Web.Backplane.switchboard.lua")
            ?? throw new InvalidOperationException("The switchboard script is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
