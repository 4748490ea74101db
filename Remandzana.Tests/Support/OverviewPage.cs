using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NUnit.Framework;

namespace Remandzana.Tests.Support;

/// <summary>The console's overview (/operator) as a test reads it: its figures by row heading, its columns by instance.</summary>
public sealed class OverviewPage(IDocument document)
{
    private static readonly HtmlParser Parser = new();

    public IDocument Document => document;

    /// <summary>The operators of <see cref="ConsoleOperators"/> as environment settings for app processes (<see cref="ScaledOutSite"/>).</summary>
    public static IReadOnlyDictionary<string, string> ProcessSettings() =>
        ConsoleOperators.Settings().ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!);

    /// <summary>The overview as the <see cref="ConsoleOperators.Moderator"/> gets it from <paramref name="http"/>; it must be 200.</summary>
    public static async Task<OverviewPage> Read(HttpClient http)
    {
        http.DefaultRequestHeaders.Authorization ??= ConsoleOperators.Basic(ConsoleOperators.Moderator);
        using var response = await http.GetAsync("/operator");
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return new OverviewPage(Parser.ParseDocument(text));
    }

    /// <summary>The instances' column headings, in order (after "Figure" and "Site").</summary>
    public IReadOnlyList<string> Instances =>
        [.. document.QuerySelector("table")!.QuerySelectorAll("thead th").Skip(2).Select(heading => heading.TextContent.Trim())];

    /// <summary>The cells of the first row whose heading starts with <paramref name="heading"/>: the site's, then each instance's (one that does not answer has one cell across every row).</summary>
    public string[] Figure(string heading) =>
        [.. document.QuerySelectorAll("tr")
            .First(row => row.QuerySelector("th[scope=row]")?.TextContent.StartsWith(heading, StringComparison.Ordinal) == true)
            .QuerySelectorAll("td")
            .Select(cell => cell.TextContent.Trim())];

    /// <summary>The accessible name of the hour's line of <paramref name="series"/> in <paramref name="column"/> (0: the site).</summary>
    public string HourLine(string series, int column) =>
        document.QuerySelectorAll("tr")
            .First(row => row.QuerySelector("th[scope=row]")?.TextContent == series && row.QuerySelector("svg") is not null)
            .QuerySelectorAll("td svg")[column]
            .GetAttribute("aria-label")!;
}
