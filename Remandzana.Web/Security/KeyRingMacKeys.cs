using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Remandzana.Web.Grains;

namespace Remandzana.Web.Security;

/// <summary>
/// One HMAC key per Data Protection key-ring key, derived once (HKDF over the key's master secret,
/// salted with its id, labelled with a purpose), so a token costs one MAC to make or check. The
/// ring still decides everything else: which key is current (the one Data Protection itself
/// protects with, so rolling and expiry are the ring's), which keys exist (instances that share
/// the ring derive the same MAC keys and read each other's tokens) and which are revoked.
/// </summary>
/// <remarks>
/// Data Protection's public API exposes a key's secret only through its descriptor's XML export
/// (the element it writes to the repository, before encryption at rest), which is what this reads.
/// </remarks>
public sealed class KeyRingMacKeys
{
    public const int KeyIdLength = 16;

    /// <summary>A token naming a key this instance does not know makes it look at the ring again, at most this often (forged ids must not hammer the repository).</summary>
    private static readonly TimeSpan UnknownKeyRefresh = TimeSpan.FromSeconds(1);

    /// <summary>While the ring cannot be read, it is tried again this often (each try may wait for the repository's timeout).</summary>
    private static readonly TimeSpan UnreadableRetry = TimeSpan.FromSeconds(10);

    private readonly IKeyManager _keyManager;
    private readonly IKeyRingProvider _keyRing;
    private readonly TimeProvider _time;
    private readonly byte[] _label;
    private readonly Lock _gate = new();
    private volatile Snapshot _snapshot = Snapshot.Empty;
    private long? _lastRefresh;

    /// <param name="purpose">Keeps these MAC keys apart from any other use of the same ring key.</param>
    public KeyRingMacKeys(IKeyManager keyManager, IKeyRingProvider keyRing, TimeProvider time, string purpose)
    {
        _keyManager = keyManager;
        _keyRing = keyRing;
        _time = time;
        _label = Encoding.UTF8.GetBytes(purpose);
    }

    /// <summary>The ring's current key: its id and its MAC key.</summary>
    public (Guid Id, byte[] Key) Current()
    {
        var id = _keyRing.GetCurrentKeyRing().DefaultKeyId;
        return (id, Find(id, refreshIfUnknown: true) ?? throw new CryptographicException($"The key ring's current key {id} is revoked, or has no master secret this version can read."));
    }

    /// <returns>The MAC key of key-ring key <paramref name="id"/>, or null when the ring has no such (unrevoked) key.</returns>
    public byte[]? Find(Guid id) => Find(id, refreshIfUnknown: false);

    private byte[]? Find(Guid id, bool refreshIfUnknown)
    {
        var snapshot = _snapshot;
        if (snapshot.Expiry.IsCancellationRequested)
        {
            snapshot = Refresh(force: true);
        }

        if (snapshot.Keys.TryGetValue(id, out var key))
        {
            return key;
        }

        snapshot = Refresh(force: refreshIfUnknown);
        return snapshot.Keys.GetValueOrDefault(id);
    }

    private Snapshot Refresh(bool force)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (!force && !_snapshot.Expiry.IsCancellationRequested && _lastRefresh is { } last && _time.GetElapsedTime(last, now) < UnknownKeyRefresh)
            {
                return _snapshot;
            }

            _lastRefresh = now;
            try
            {
                _snapshot = Read();
            }
            catch (Exception e) when (e is not CryptographicException)
            {
                // The ring's repository (Redis, scaled out) cannot be read just now: the keys already
                // known still serve, and the ring is read again a little later.
                if (_snapshot.Keys.Count == 0)
                {
                    throw new CryptographicException("The key ring cannot be read.", e);
                }

                _snapshot = _snapshot with { Expiry = new CancellationTokenSource(UnreadableRetry, _time).Token };
            }

            return _snapshot;
        }
    }

    private Snapshot Read()
    {
        // Taken before reading, so a key made while reading expires this snapshot.
        var expiry = _keyManager.GetCacheExpirationToken();
        var keys = new Dictionary<Guid, byte[]>();
        foreach (var key in _keyManager.GetAllKeys())
        {
            if (key.IsRevoked)
            {
                continue;
            }

            keys[key.KeyId] = _snapshot.Keys.TryGetValue(key.KeyId, out var known) ? known : Derive(key);
        }

        return new Snapshot(keys.ToFrozenDictionary(), expiry);
    }

    private byte[] Derive(IKey key)
    {
        var descriptor = key.Descriptor.ExportToXml().SerializedDescriptorElement;
        var secret = descriptor.Element("masterKey")?.Element("value")?.Value
            ?? throw new CryptographicException($"Key {key.KeyId} has no master key in its descriptor.");
        var master = Convert.FromBase64String(secret);
        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, master, outputLength: 32, salt: key.KeyId.ToByteArray(), info: _label);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(master);
        }
    }

    private sealed record Snapshot(FrozenDictionary<Guid, byte[]> Keys, CancellationToken Expiry)
    {
        public static readonly Snapshot Empty = new(FrozenDictionary<Guid, byte[]>.Empty, new CancellationToken(canceled: true));
    }
}
