using System.Globalization;
using Remandzana.Domain.Moderation;
using Remandzana.Web.Reports;

namespace Remandzana.Web.Operator;

/// <summary>How the reports, bars and feedback pages write a time, an origin and what was just done.</summary>
public static class ConsoleShown
{
    private const int OriginCharacters = 8;

    /// <summary>What a page says after an action (its <c>?done=</c>); anything else in the address says nothing.</summary>
    private static readonly Dictionary<string, string> Done = new(StringComparer.Ordinal)
    {
        ["barred"] = "Barred. Every instance refuses that origin's chat pages now.",
        ["lifted"] = "Bar lifted on every instance.",
        ["dismissed"] = "Report dismissed: it is in the closed list.",
        ["reopened"] = "Report reopened.",
        ["published"] = "Published: it is on the feedback page now.",
        ["hidden"] = "Hidden from the feedback page.",
        ["replied"] = "Reply saved.",
        ["deleted"] = "Deleted.",
        ["notice"] = "Operator notice published.",
    };

    public static string? DoneText(string? done) => done is not null && Done.TryGetValue(done, out var text) ? text : null;

    /// <summary>"2026-12-05 22:30 UTC".</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>For a <c>datetime</c> attribute.</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>When a bar ends, in words: "for good" or "until 2026-12-05 22:30 UTC".</summary>
    public static string Until(DateTimeOffset until) => BarTerm.IsForGood(until) ? "for good" : "until " + Time(until);

    /// <summary>The start of an origin's keyed hash, enough to tell bars apart ("hmac:Yx2p0c3Q…"); a raw origin (an older file not yet rescanned) is not shown at all.</summary>
    public static string Origin(string origin) =>
        OriginHashes.IsHashed(origin)
            ? origin.Length > OriginHashes.Prefix.Length + OriginCharacters ? origin[..(OriginHashes.Prefix.Length + OriginCharacters)] + "…" : origin
            : "(not hashed yet)";
}
