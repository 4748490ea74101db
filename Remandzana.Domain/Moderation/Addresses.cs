using System.Text.RegularExpressions;

namespace Remandzana.Domain.Moderation;

/// <summary>
/// Finds web links and onion addresses in a message as a reader sees it (<see cref="ReaderView.ForAddresses"/>):
/// "ht\u200btps://", "ｈｔｔｐｓ：／／" and an address spelt with Cyrillic look-alikes are found too.
/// </summary>
public static partial class Addresses
{
    /// <summary>True when the text holds an http:// or https:// URL.</summary>
    public static bool HasUrl(string text) => HasUrl(new Reading(text));

    /// <inheritdoc cref="HasUrl(string)"/>
    public static bool HasUrl(Reading message) => Url().IsMatch(message.ForAddresses);

    /// <summary>
    /// Every onion address in the text, lower case and without ".onion": 16 base32 characters
    /// (v2) or 56 (v3), not part of a longer name; spelt as a reader would type it.
    /// </summary>
    public static IEnumerable<string> Onions(string text) => Onions(new Reading(text));

    /// <inheritdoc cref="Onions(string)"/>
    public static IEnumerable<string> Onions(Reading message)
    {
        foreach (Match match in Onion().Matches(message.ForAddresses))
        {
            yield return match.Groups["address"].Value.ToLowerInvariant();
        }
    }

    [GeneratedRegex(@"https?://[^\s/?#]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<![a-z0-9])(?<address>[a-z2-7]{56}|[a-z2-7]{16})\.onion(?![a-z0-9-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Onion();
}
