using System.Buffers.Text;
using System.Security.Cryptography;

namespace Remandzana.Domain.People;

/// <summary>128 random bits, URL-safe base64: the name a person's token carries.</summary>
public readonly record struct PersonId(string Value)
{
    public static PersonId New() => new(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));

    public override string ToString() => Value;
}
