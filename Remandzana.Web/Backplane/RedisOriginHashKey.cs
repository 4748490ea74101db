using Microsoft.AspNetCore.DataProtection;
using Remandzana.Web.Reports;
using StackExchange.Redis;

namespace Remandzana.Web.Backplane;

/// <summary>Scaled out, the origin-hash key lives in Redis next to the key ring: the first instance to need it sets it (only if absent), every instance reads the same one.</summary>
public sealed class RedisOriginHashKey(RedisConnection redis, IDataProtectionProvider protection) : IOriginHashKey
{
    public byte[] Load()
    {
        var protector = protection.CreateProtector(IOriginHashKey.Purpose);
        var name = redis.Key("origin-hash-key");
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        redis.Database.StringSet(name, Convert.ToBase64String(protector.Protect(key)), when: When.NotExists);
        var stored = (string?)redis.Database.StringGet(name) ?? throw new InvalidOperationException("Redis lost the origin-hash key as it was being set.");
        return protector.Unprotect(Convert.FromBase64String(stored));
    }
}
