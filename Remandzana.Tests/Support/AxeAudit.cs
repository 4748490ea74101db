using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Remandzana.Tests.Support;

/// <summary>
/// axe-core in a page and every frame in it: WCAG 2.0, 2.1 and 2.2 at A and AA, plus Deque's best
/// practices. An audit tab gives every document axe-core as it is created (<see cref="Chromium.NewAuditTab"/>),
/// so an audit is one <c>axe.run</c> in the top document, which asks each frame's own copy for its
/// part. Deque's Playwright wrapper instead sent the 500 KB script into every frame on every audit
/// and finished in a new page: three of the four seconds each audit took.
/// </summary>
public static class AxeAudit
{
    public static string Script { get; } = new BundledAxeScriptProvider().GetScript();

    /// <summary>
    /// Violations in full; a frame that did not answer is itself a failure ("frame-tested" is
    /// otherwise only "incomplete"), so no frame is skipped unseen.
    /// </summary>
    private const string Run = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'] },
            resultTypes: ['violations'],
            frameWaitTime: 10000,
          });
          const unanswered = result.incomplete.filter(item => item.id === 'frame-tested');
          return result.violations.concat(unanswered).map(item => ({
            id: item.id,
            impact: item.impact ?? '',
            help: item.help,
            nodes: item.nodes.map(node => ({ target: JSON.stringify(node.target), html: node.html })),
          }));
        }
        """;

    /// <summary>Fails with every violation, its rule, and the elements it was found on.</summary>
    public static async Task AssertNoViolations(this IPage page, string what)
    {
        var violations = await page.Violations();
        Assert.That(violations.Select(violation => violation.Id), Is.Empty, () => $"axe found violations on {what}:\n{Describe(violations)}");
    }

    public static async Task<IReadOnlyList<Violation>> Violations(this IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof axe === 'object'"))
        {
            throw new InvalidOperationException("This page has no axe-core: open audit pages with Chromium.NewAuditTab.");
        }

        var found = await page.EvaluateAsync<JsonElement>(Run);
        return found.EnumerateArray().Select(item => new Violation(
            item.GetProperty("id").GetString()!,
            item.GetProperty("impact").GetString()!,
            item.GetProperty("help").GetString()!,
            item.GetProperty("nodes").EnumerateArray().Select(node => $"{node.GetProperty("target").GetString()}: {node.GetProperty("html").GetString()}").ToList())).ToList();
    }

    private static string Describe(IEnumerable<Violation> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"* {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    {node}");
            }
        }

        return text.ToString();
    }

    /// <summary>One rule broken, with each element it was broken on (its selector, through frames, and its HTML).</summary>
    public sealed record Violation(string Id, string Impact, string Help, IReadOnlyList<string> Nodes);
}
