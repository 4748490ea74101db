using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.Extensions.Options;
using Remandzana.Domain.People;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;

namespace Remandzana.Web.Security;

/// <summary>
/// Issues and reads the opaque token in every send form, the person's only credential. A token is
/// signed, not encrypted: its holder may read what it says (their own id, the instance that serves
/// them, their room once a message of theirs reached it, the issue time); nobody can make or alter one without the key ring. Each is one HMAC-SHA256
/// with a key derived once per key-ring key (<see cref="KeyRingMacKeys"/>), and names that key, so
/// tokens survive the ring's rotation and open on every instance sharing the ring.
/// </summary>
/// <remarks>
/// Layout, then URL-safe base64: version (1 byte) | key id (16) | issue time, Unix seconds (8, big-endian)
/// | kind ('m' or 's') | person id '|' home ['|' room], UTF-8 | HMAC-SHA256 of everything before it (32).
/// </remarks>
public sealed class SendTokens
{
    private const byte Version = 3;
    private const int MaxLength = 1024;
    private const int MacLength = HMACSHA256.HashSizeInBytes;
    private const int HeaderLength = 1 + KeyRingMacKeys.KeyIdLength + sizeof(long) + 1;

    /// <summary>How far ahead of this server's clock an issue time may be (another instance's clock).</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly KeyRingMacKeys _keys;
    private readonly TimeProvider _time;
    private readonly long _lifetimeSeconds;

    public SendTokens(IKeyManager keyManager, IKeyRingProvider keyRing, TimeProvider time, IOptions<ChatOptions> options)
    {
        _keys = new KeyRingMacKeys(keyManager, keyRing, time, "Remandzana.SendToken.v3");
        _time = time;
        _lifetimeSeconds = (long)TimeSpan.FromHours(options.Value.TokenLifetimeHours).TotalSeconds;
    }

    /// <param name="home">The instance that serves the person's stream (its silo address), where their sends go.</param>
    /// <param name="room">Their room, once a message of theirs reached it: later sends go straight there from whichever instance takes them.</param>
    public string Issue(PersonId id, string home, bool isSetup, string? room = null)
    {
        var (keyId, key) = _keys.Current();
        var length = HeaderLength + Encoding.UTF8.GetByteCount(id.Value) + 1 + Encoding.UTF8.GetByteCount(home) + (room is null ? 0 : 1 + Encoding.UTF8.GetByteCount(room)) + MacLength;
        Span<byte> token = length <= 512 ? stackalloc byte[length] : new byte[length];
        token[0] = Version;
        keyId.TryWriteBytes(token[1..]);
        BinaryPrimitives.WriteInt64BigEndian(token[(1 + KeyRingMacKeys.KeyIdLength)..], _time.GetUtcNow().ToUnixTimeSeconds());
        token[HeaderLength - 1] = (byte)(isSetup ? 's' : 'm');
        var content = token[HeaderLength..^MacLength];
        var written = Encoding.UTF8.GetBytes(id.Value, content);
        content[written] = (byte)'|';
        written += 1 + Encoding.UTF8.GetBytes(home, content[(written + 1)..]);
        if (room is not null)
        {
            content[written] = (byte)'|';
            Encoding.UTF8.GetBytes(room, content[(written + 1)..]);
        }

        HMACSHA256.HashData(key, token[..^MacLength], token[^MacLength..]);
        return Base64Url.EncodeToString(token);
    }

    /// <returns>The token's contents, or null when it is missing, oversized, forged, tampered with, made with a key the ring does not have, or expired.</returns>
    public SendToken? Read(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return null;
        }

        Span<byte> token = stackalloc byte[Base64Url.GetMaxDecodedLength(MaxLength)];
        if (Base64Url.DecodeFromChars(text, token, out _, out var length) != OperationStatus.Done || length < HeaderLength + 3 + MacLength || token[0] != Version)
        {
            return null;
        }

        token = token[..length];
        byte[]? key;
        try
        {
            key = _keys.Find(new Guid(token.Slice(1, KeyRingMacKeys.KeyIdLength)));
        }
        catch (CryptographicException)
        {
            // The ring cannot be read: the token may be good, but this instance cannot tell.
            return null;
        }

        if (key is null)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        HMACSHA256.HashData(key, token[..^MacLength], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, token[^MacLength..]))
        {
            return null;
        }

        var age = _time.GetUtcNow().ToUnixTimeSeconds() - BinaryPrimitives.ReadInt64BigEndian(token[(1 + KeyRingMacKeys.KeyIdLength)..]);
        if (age > _lifetimeSeconds || age < -(long)ClockSkew.TotalSeconds)
        {
            return null;
        }

        var kind = token[HeaderLength - 1];
        var content = token[HeaderLength..^MacLength];
        var separator = content.IndexOf((byte)'|');
        if (kind is not ((byte)'m' or (byte)'s') || separator <= 0 || separator == content.Length - 1)
        {
            return null;
        }

        var rest = content[(separator + 1)..];
        var roomSeparator = rest.IndexOf((byte)'|');
        if (roomSeparator == 0 || roomSeparator == rest.Length - 1 || (roomSeparator > 0 && rest[(roomSeparator + 1)..].Contains((byte)'|')))
        {
            return null;
        }

        var home = roomSeparator < 0 ? rest : rest[..roomSeparator];
        var room = roomSeparator < 0 ? null : Encoding.UTF8.GetString(rest[(roomSeparator + 1)..]);
        return new SendToken(new PersonId(Encoding.UTF8.GetString(content[..separator])), Encoding.UTF8.GetString(home), kind == 's', room);
    }
}
