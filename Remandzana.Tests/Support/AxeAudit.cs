using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Remandzana.Tests.Support;

/// <summary>axe-core in a page and every frame in it: WCAG 2.0, 2.1 and 2.2 at A and AA, plus Deque's best practices.</summary>
public static class AxeAudit
{
    private static readonly AxeRunOptions Rules = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"],
        },
        // Every rule still runs; only the violations are described in full (the test reads nothing else).
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Fails with every violation, its rule, and the elements it was found on.</summary>
    public static async Task AssertNoViolations(this IPage page, string what)
    {
        var result = await page.RunAxe(Rules);
        Assert.That(result.Violations.Select(violation => violation.Id), Is.Empty, () => $"axe found violations on {what}:\n{Describe(result.Violations)}");
    }

    private static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"* {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    {node.Target}: {node.Html}");
            }
        }

        return text.ToString();
    }
}
