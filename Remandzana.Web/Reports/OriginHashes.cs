using System.Security.Cryptography;
using System.Text;
using Remandzana.Domain.People;

namespace Remandzana.Web.Reports;

/// <summary>
/// What a report keeps of a person it names: a keyed hash (HMAC-SHA256) of their origin, enough to
/// bar that origin and nothing to read an address or a pass back from. Every instance uses one key
/// (<see cref="IOriginHashKey"/>), kept with the key ring, so a bar holds site-wide and across restarts.
/// </summary>
public sealed class OriginHashes(IOriginHashKey store)
{
    /// <summary>How a hashed origin starts in a report file; anything else there is a raw origin of an older report.</summary>
    public const string Prefix = "hmac:";

    private readonly Lock _gate = new();
    private volatile byte[]? _key;

    /// <summary>The hash of <paramref name="origin"/> as a report stores it: "hmac:" and 22 URL-safe characters (128 bits).</summary>
    /// <exception cref="OriginHashKeyUnavailableException">The key cannot be read or made just now (Redis unreachable).</exception>
    public string Of(Origin origin) => Of(origin.Value);

    /// <summary>A report's origin as it must be stored: hashed when it is a raw origin (an older or hand-written report), as it is when hashed already.</summary>
    public string Stored(string origin) => IsHashed(origin) ? origin : Of(origin);

    /// <summary>Reads (or makes) the key now, if it is not known yet.</summary>
    /// <exception cref="OriginHashKeyUnavailableException">The key cannot be read or made just now.</exception>
    public void Prepare() => Key();

    public static bool IsHashed(string origin) => origin.StartsWith(Prefix, StringComparison.Ordinal);

    private string Of(string origin)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Key(), Encoding.UTF8.GetBytes(origin), mac);
        return Prefix + Convert.ToBase64String(mac[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private byte[] Key()
    {
        if (_key is { } known)
        {
            return known;
        }

        lock (_gate)
        {
            try
            {
                return _key ??= store.Load();
            }
            catch (Exception e) when (e is not OriginHashKeyUnavailableException and not OutOfMemoryException)
            {
                throw new OriginHashKeyUnavailableException(e);
            }
        }
    }
}
