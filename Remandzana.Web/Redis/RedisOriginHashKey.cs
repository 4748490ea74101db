using Microsoft.AspNetCore.DataProtection;
using Remandzana.Web.Reports;
using StackExchange.Redis;

namespace Remandzana.Web.Redis;

/// <summary>
/// Scaled out, the origin-hash key lives in Redis next to the key ring: the first instance to need
/// it sets it (only if absent), every instance reads the same one. Should Redis come back without
/// it (restarted without persistence), an instance that knew it writes it back, as the key ring's
/// keys are (<see cref="KeyRingKeeper"/>), so instances started later hash as the earlier ones do.
/// </summary>
public sealed class RedisOriginHashKey(RedisConnection redis, IDataProtectionProvider protection) : IOriginHashKey
{
    private int _watching;

    public byte[] Load()
    {
        var protector = protection.CreateProtector(IOriginHashKey.Purpose);
        var name = redis.Key("origin-hash-key");
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        redis.Database.StringSet(name, Convert.ToBase64String(protector.Protect(key)), when: When.NotExists);
        var stored = (string?)redis.Database.StringGet(name) ?? throw new InvalidOperationException("Redis lost the origin-hash key as it was being set.");
        var known = protector.Unprotect(Convert.FromBase64String(stored));
        if (Interlocked.Exchange(ref _watching, 1) == 0)
        {
            redis.Multiplexer.ConnectionRestored += (_, e) =>
            {
                if (e.ConnectionType == ConnectionType.Interactive)
                {
                    _ = redis.Database.StringSetAsync(name, stored, when: When.NotExists).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            };
        }

        return known;
    }
}
