using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
    private const string Prefix = "debug|";

    private readonly IDataProtector _protector = provider.CreateProtector("Remandzana.DebugKey.v1");
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

        var payload = Prefix + now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Base64Url.EncodeToString(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    /// <summary>True for a key this server issued within its lifetime; false when missing, forged, tampered with or expired.</summary>
    public bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 1024)
        {
            return false;
        }

        string payload;
        try
        {
            payload = Encoding.UTF8.GetString(_protector.Unprotect(Base64Url.DecodeFromChars(key)));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }

        if (!payload.StartsWith(Prefix, StringComparison.Ordinal) || !long.TryParse(payload.AsSpan(Prefix.Length), CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age <= _lifetime && age >= TimeSpan.FromMinutes(-5);
    }
}
