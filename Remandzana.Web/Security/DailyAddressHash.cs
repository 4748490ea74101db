using System.Net;
using System.Security.Cryptography;
using Remandzana.Web.Grains;

namespace Remandzana.Web.Security;

/// <summary>
/// A client address as the request log shows it with Remandzana:Logging:ClientAddresses=Hashed:
/// HMAC-SHA256 of the address under a key of the current UTC day, truncated. The key is random,
/// made when the day begins, held in this process's memory only and dropped when the next day
/// begins, so nobody (this process included) can link one day's lines to another's, or test a
/// guessed address against an old line. Each instance has its own key: scaled out, one address
/// reads differently on each instance, and a restart starts a new key.
/// </summary>
public sealed class DailyAddressHash(TimeProvider time)
{
    /// <summary>Hex characters kept (64 bits): enough that two addresses of a day do not collide.</summary>
    private const int Length = 16;

    private readonly Lock _gate = new();
    private DateOnly _day;
    private byte[]? _key;

    public string Of(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var mac = HMACSHA256.HashData(KeyOfToday(), address.GetAddressBytes());
        return Convert.ToHexStringLower(mac, 0, Length / 2);
    }

    private byte[] KeyOfToday()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        lock (_gate)
        {
            if (_key is null || today != _day)
            {
                // Replaced, not wiped: a request of the last moment of yesterday may still be hashing with it.
                _key = RandomNumberGenerator.GetBytes(32);
                _day = today;
            }

            return _key;
        }
    }
}
