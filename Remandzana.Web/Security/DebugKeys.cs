using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Orleans;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;

namespace Remandzana.Web.Security;

/// <summary>
/// Keys to the debug view. A key is a Data Protection payload holding a random id and its issue
/// time, checked against the injected clock; it opens the view once (spent in the cluster, so once
/// on any instance) within its short lifetime. The server hands out a fresh key (through its log)
/// at most once per cooldown, so hammering /debug cannot flood the log, or at once when the last
/// key it handed out has been used, so the operator can look again.
/// </summary>
public sealed class DebugKeys(IDataProtectionProvider provider, TimeProvider time, IOptions<DebugOptions> options, IGrainFactory grains)
{
    /// <summary>How long after its expiry a spent key is remembered: another instance's clock may run behind.</summary>
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(10);

    private readonly TimedSeal _seal = new(provider, "Remandzana.DebugKey.v3", time);
    private readonly TimeSpan _cooldown = TimeSpan.FromSeconds(options.Value.KeyCooldownSeconds);
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(options.Value.KeyLifetimeSeconds);
    private readonly object _gate = new();
    private DateTimeOffset? _lastIssued;
    private string? _lastIssuedId;
    private bool _lastSpent;

    public TimeSpan Lifetime => _lifetime;

    /// <returns>A fresh key, or null when one was issued less than a cooldown ago and has not been used.</returns>
    public string? IssueUnlessCoolingDown()
    {
        var now = time.GetUtcNow();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (_gate)
        {
            if (_lastIssued is { } last && now - last < _cooldown && now >= last && !_lastSpent)
            {
                return null;
            }

            _lastIssued = now;
            _lastIssuedId = id;
            _lastSpent = false;
        }

        return _seal.Seal(id);
    }

    /// <returns>
    /// True the first time a key this site issued is used within its lifetime; false when it is
    /// missing, forged, tampered with, expired or was used before (here or on another instance).
    /// </returns>
    public async Task<bool> Spend(string? key)
    {
        if (_seal.Open(key, _lifetime) is not var (id, issuedAt) || id.Length != 32)
        {
            return false;
        }

        if (!await grains.GetGrain<ISpentDebugKeysGrain>(0).Spend(id, issuedAt + _lifetime + Remembered))
        {
            return false;
        }

        lock (_gate)
        {
            _lastSpent |= id == _lastIssuedId;
        }

        return true;
    }
}
