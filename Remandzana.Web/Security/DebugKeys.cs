using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;

namespace Remandzana.Web.Security;

/// <summary>
/// Keys to the debug view. A key is a Data Protection payload holding its issue time, checked
/// against the injected clock; the server hands out a fresh one (through its log) at most once
/// per cooldown, so hammering /debug cannot flood the log.
/// </summary>
public sealed class DebugKeys(IDataProtectionProvider provider, TimeProvider time, IOptions<DebugOptions> options)
{
    private const string Content = "debug";

    private readonly TimedSeal _seal = new(provider, "Remandzana.DebugKey.v2", time);
    private readonly TimeSpan _cooldown = TimeSpan.FromSeconds(options.Value.KeyCooldownSeconds);
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(options.Value.KeyLifetimeSeconds);
    private readonly object _gate = new();
    private DateTimeOffset? _lastIssued;

    public TimeSpan Lifetime => _lifetime;

    /// <returns>A fresh key, or null when one was issued less than a cooldown ago.</returns>
    public string? IssueUnlessCoolingDown()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_lastIssued is { } last && now - last < _cooldown && now >= last)
            {
                return null;
            }

            _lastIssued = now;
        }

        return _seal.Seal(Content);
    }

    /// <summary>True for a key this server issued within its lifetime; false when missing, forged, tampered with or expired.</summary>
    public bool IsValid(string? key) => _seal.Open(key, _lifetime) is (Content, _);
}
