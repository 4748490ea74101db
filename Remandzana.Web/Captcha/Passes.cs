using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Security;

namespace Remandzana.Web.Captcha;

/// <summary>
/// The pass a solved challenge gives: a random id, sealed with its issue time by Data Protection,
/// good for <see cref="CaptchaOptions.PassMinutes"/>. It travels in the address as ?pass=.
/// </summary>
public sealed class Passes(IDataProtectionProvider provider, TimeProvider time, IOptions<CaptchaOptions> options)
{
    /// <summary>The query parameter that carries a pass.</summary>
    public const string Parameter = "pass";

    /// <summary>Where a request's validated pass id is kept (a string), for every feature that tells people apart by it.</summary>
    public const string IdItem = "Remandzana.Pass";

    /// <summary>Where a request's validated pass is kept as it came, to be carried on.</summary>
    public const string SealedItem = "Remandzana.Pass.Sealed";

    private readonly TimedSeal _seal = new(provider, "Remandzana.Pass.v1", time);
    private readonly TimeSpan _lifetime = TimeSpan.FromMinutes(options.Value.PassMinutes);

    public string Issue() => _seal.Seal(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    /// <returns>The pass id, or null when the pass is missing, forged or expired.</returns>
    public string? Read(string? pass) => _seal.Open(pass, _lifetime) is var (id, _) && id.Length == 32 ? id : null;

    /// <summary>The pass id this request carries, validated (see <see cref="PassReading"/>).</summary>
    public static string? IdOf(HttpContext context) => context.Items[IdItem] as string;
}
