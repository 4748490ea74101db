using System.Security.Cryptography;
using System.Text;

namespace Remandzana.Domain.Moderation;

/// <summary>
/// No onion address whose md5("address.onion") is on the blacklist (lower-case hex digests, the
/// format the Ahmia project publishes).
/// </summary>
public sealed class OnionBlacklist : Policy
{
    public const string PolicyName = "Onion blacklist";

    private readonly HashSet<string> _digests;

    public OnionBlacklist(Ladder ladder, IEnumerable<string> digests)
        : base(ladder)
    {
        _digests = new HashSet<string>(digests.Select(digest => digest.Trim().ToLowerInvariant()), StringComparer.Ordinal);
    }

    public override string Name => PolicyName;

    public override string Reason => "that onion address is blacklisted";

    public override bool IsViolatedBy(Reading message) => Addresses.Onions(message).Any(address => _digests.Contains(Digest(address)));

    /// <summary>md5 of "<paramref name="address"/>.onion" as lower-case hex.</summary>
    /// <remarks>The blacklist format (the original project's) lists md5 digests: a lookup key, not a protection.</remarks>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351", Justification = "The shared blacklist format is md5 digests; nothing secret depends on it.")]
    public static string Digest(string address) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.ASCII.GetBytes($"{address.ToLowerInvariant()}.onion")));
}
