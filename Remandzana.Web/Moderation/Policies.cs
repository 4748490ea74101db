using Microsoft.Extensions.Localization;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Web.Options;

namespace Remandzana.Web.Moderation;

/// <summary>Builds the domain's policies from configuration (reading the blacklist file) and words them for /about.</summary>
public static partial class Policies
{
    public static PoliciesByMode From(ModerationOptions options, ILogger logger)
    {
        List<string>? digests = null;
        OnionBlacklist? Blacklist(LadderOptions ladder) =>
            ladder.Enabled ? new OnionBlacklist(ladder.ToLadder(), digests ??= ReadDigests(options.OnionBlacklistPath, logger)) : null;

        var byMode = new Dictionary<Mode, IReadOnlyList<Policy>>();
        foreach (var (mode, policies) in options.Modes)
        {
            var active = new List<Policy>();
            if (policies.BlockUrls.Enabled)
            {
                active.Add(new BlockUrls(policies.BlockUrls.ToLadder()));
            }

            if (Blacklist(policies.OnionBlacklist) is { } blacklist)
            {
                active.Add(blacklist);
            }

            if (policies.RepeatedText.Enabled)
            {
                active.Add(new RepeatedText(policies.RepeatedText.ToLadder()));
            }

            if (active.Count > 0)
            {
                byMode[mode] = active;
                LogModeration(logger, mode, active);
            }
        }

        return new PoliciesByMode(byMode);
    }

    /// <summary>One md5 hex digest a line (the Ahmia format); blank lines and lines starting with '#' are ignored.</summary>
    private static List<string> ReadDigests(string path, ILogger logger)
    {
        var digests = new List<string>();
        var skipped = 0;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.Length == 32 && line.All(char.IsAsciiHexDigit))
            {
                digests.Add(line.ToLowerInvariant());
            }
            else
            {
                skipped++;
            }
        }

        LogBlacklist(logger, path, digests.Count, skipped);
        return digests;
    }

    /// <summary>"Block URLs [suppress ×5 → kick], Onion blacklist [exile]", or "None", in the reader's language.</summary>
    public static string Describe(PoliciesByMode policies, ChatEntry entry, IStringLocalizer words) => entry switch
    {
        ChatEntry.Any => words["as in the mode of the room you join"],
        _ => Describe(policies.For(entry.Mode() ?? Mode.Global), words),
    };

    private static string Describe(IReadOnlyList<Policy> policies, IStringLocalizer words) =>
        policies.Count == 0 ? words["None"] : string.Join(", ", policies.Select(policy => $"{words[policy.Name]} [{Describe(policy.Ladder, words)}]"));

    private static string Describe(Ladder ladder, IStringLocalizer words)
    {
        string then = words[ladder.Then == Consequence.Kick ? "kick" : "exile"];
        return ladder.Suppressions == 0 ? then : words["suppress ×{0} → {1}", ladder.Suppressions, then];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moderation in {Mode}: {Policies}")]
    private static partial void LogModeration(ILogger logger, Mode mode, IEnumerable<Policy> policies);

    [LoggerMessage(Level = LogLevel.Information, Message = "Onion blacklist {Path}: {Count} digests, {Skipped} lines that are not md5 digests skipped")]
    private static partial void LogBlacklist(ILogger logger, string path, int count, int skipped);
}
