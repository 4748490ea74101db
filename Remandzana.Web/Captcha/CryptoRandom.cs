using System.Security.Cryptography;
using Remandzana.Web.Grains;

namespace Remandzana.Web.Captcha;

/// <summary>
/// Draws from the operating system's cryptographic generator: the question numbers a page shows
/// must not let anyone work out the code the next picture will show.
/// </summary>
public sealed class CryptoRandom : Random
{
    public override int Next(int maxValue) => RandomNumberGenerator.GetInt32(maxValue);

    public override int Next(int minValue, int maxValue) => RandomNumberGenerator.GetInt32(minValue, maxValue);

    public override int Next() => RandomNumberGenerator.GetInt32(int.MaxValue);
}
