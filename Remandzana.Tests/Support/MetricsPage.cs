using System.Globalization;

namespace Remandzana.Tests.Support;

/// <summary>/metrics as Prometheus reads it: one sample per line, "name{labels} value".</summary>
public sealed class MetricsPage
{
    private readonly List<(string Name, string Labels, double Value)> _samples = [];

    public MetricsPage(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            var series = line[..space];
            var brace = series.IndexOf('{', StringComparison.Ordinal);
            _samples.Add((brace < 0 ? series : series[..brace], brace < 0 ? "" : series[brace..], double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture)));
        }
    }

    public static async Task<MetricsPage> Read(HttpClient http)
    {
        using var answer = await http.GetAsync("/metrics");
        Assert.That(answer.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "/metrics answers");
        Assert.That(answer.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        return new MetricsPage(await answer.Content.ReadAsStringAsync());
    }

    /// <summary>The sum of the series of <paramref name="name"/> whose labels include <paramref name="label"/> (e.g. mode="two"); 0 when there is none.</summary>
    public double this[string name, string? label = null] =>
        _samples.Where(sample => sample.Name == name && (label is null || sample.Labels.Contains(label, StringComparison.Ordinal))).Sum(sample => sample.Value);

    public IEnumerable<string> Names => _samples.Select(sample => sample.Name).Distinct();
}
