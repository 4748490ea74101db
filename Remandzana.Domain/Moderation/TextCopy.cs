using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Remandzana.Domain.Moderation;

/// <summary>
/// One copy of a text sent into a room, as <see cref="TextEchoes"/> remembers it: the text by its
/// <see cref="EchoKey"/>, its sender's origin and the room each by a 64-bit name of their own, so
/// a copy holds no string and crosses between instances in 24 bytes.
/// </summary>
public readonly record struct TextCopy(ulong Text, ulong Origin, ulong Room)
{
    /// <summary>The copy of <paramref name="text"/>, or null when the text is too short to count (<see cref="EchoKey.Of"/>).</summary>
    public static TextCopy? Of(string origin, string room, string text, int minLength) =>
        EchoKey.Of(text, minLength) is { } key ? Of(origin, room, key) : null;

    /// <summary>The copy of the text whose key is <paramref name="text"/>.</summary>
    public static TextCopy Of(string origin, string room, ulong text) => new(text, NameOf(origin), NameOf(room));

    /// <summary>
    /// A 64-bit name for an origin or a room: the start of its SHA-256, so nobody can make up an
    /// origin that is taken for somebody else's (which could draw them into a swarm).
    /// </summary>
    internal static ulong NameOf(string value)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }
}
