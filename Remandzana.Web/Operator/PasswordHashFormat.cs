using System.Buffers.Binary;

namespace Remandzana.Web.Operator;

/// <summary>
/// Whether a configured hash is one <c>--hash-password</c> could have printed: Identity's version 3
/// format (a 0x01 marker, the PRF, the PBKDF2 iteration count, the salt and the subkey, in base64).
/// Anything else would fail every login in silence; it is refused at start instead.
/// </summary>
public static class PasswordHashFormat
{
    private const int HeaderLength = 13;
    private const int MinSaltLength = 16;
    private const int MinSubkeyLength = 16;

    public static bool IsValid(string? hash)
    {
        if (string.IsNullOrWhiteSpace(hash))
        {
            return false;
        }

        var bytes = new byte[hash.Length];
        if (!Convert.TryFromBase64String(hash, bytes, out var length))
        {
            return false;
        }

        var decoded = bytes.AsSpan(0, length);
        if (decoded.Length < HeaderLength || decoded[0] != 0x01)
        {
            return false;
        }

        var prf = BinaryPrimitives.ReadUInt32BigEndian(decoded[1..]);
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(decoded[5..]);
        var saltLength = BinaryPrimitives.ReadUInt32BigEndian(decoded[9..]);
        return prf <= 2
            && iterations is >= 1 and <= int.MaxValue
            && saltLength is >= MinSaltLength and <= 1024
            && decoded.Length - HeaderLength - saltLength >= MinSubkeyLength;
    }
}
