using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Remandzana.Domain.People;
using Remandzana.Web.Options;

namespace Remandzana.Web.Security;

/// <summary>
/// The secret in every chat page's resume link (issue 25): Data Protection with a purpose of its own
/// seals the person, the instance that serves their stream and a one-use key their session holds.
/// It opens only within the send token's lifetime, and works only while its session holds that key:
/// while the page streams or is held after a drop; each use replaces the key, so a link is spent.
/// </summary>
public sealed class ResumeLinks(IDataProtectionProvider provider, TimeProvider time, IOptions<ChatOptions> options)
{
    public const string Path = "/resume";

    private readonly TimedSeal _seal = new(provider, "Remandzana.Resume.v1", time);
    private readonly TimeSpan _lifetime = TimeSpan.FromHours(options.Value.TokenLifetimeHours);

    /// <summary>A fresh one-use key for a session.</summary>
    public static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public static bool SameKey(string held, string given) =>
        held.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(held), Encoding.ASCII.GetBytes(given));

    public string Issue(PersonId id, string home, string key) => _seal.Seal($"{id.Value}|{home}|{key}");

    /// <returns>Whom the link resumes, or null when it is missing, forged, tampered with or too old.</returns>
    public ResumeLink? Open(string? text)
    {
        if (_seal.Open(text, _lifetime) is not { Content: var content })
        {
            return null;
        }

        var parts = content.Split('|');
        return parts.Length == 3 && parts.All(part => part.Length > 0) ? new ResumeLink(new PersonId(parts[0]), parts[1], parts[2]) : null;
    }
}
