using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;
using Remandzana.Web.Sessions;
using StackExchange.Redis;

namespace Remandzana.Web.Redis;

/// <summary>
/// This instance's connection to the shared Redis, for the key ring and the message count.
/// Commands fail at once while Redis is unreachable (no backlog), so a request never hangs on it;
/// the connection comes back by itself when Redis does.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer;

    public RedisConnection(IOptions<BackplaneOptions> options)
    {
        var settings = options.Value;
        Prefix = "{" + settings.KeyPrefix + "}";
        Instance = string.IsNullOrWhiteSpace(settings.InstanceName)
            ? $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}"
            : settings.InstanceName;
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
    private string Prefix { get; }

    /// <summary>This instance's name as a Redis client.</summary>
    public string Instance { get; }

    public ConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public IDatabase Database => Multiplexer.GetDatabase();

    public bool IsConnected => Multiplexer.IsConnected;

    public RedisKey Key(string name) => $"{Prefix}:{name}";

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}
