using System.Security.Cryptography;

namespace Remandzana.Web.Health;

/// <summary>
/// A header only the warm-up's own requests carry, with a value made for this process: the request
/// log writes them at Debug, and nobody outside can make a request look like the warm-up.
/// </summary>
public sealed class WarmUpMark
{
    public const string Header = "X-Remandzana-Warm-Up";

    public string Value { get; } = RandomNumberGenerator.GetHexString(32, lowercase: true);

    public bool IsOn(HttpRequest request) =>
        request.Headers.TryGetValue(Header, out var values)
        && values.Count == 1
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(values[0] ?? ""), System.Text.Encoding.ASCII.GetBytes(Value));
}
