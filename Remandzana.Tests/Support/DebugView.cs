using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Remandzana.Tests.Support;

/// <summary>
/// The operator's debug view as a script reads it: <c>GET /debug</c> makes the server log a fresh
/// key (a Warning line with the property DebugKey), which is then posted in the form, once.
/// </summary>
public static partial class DebugView
{
    /// <summary>The keys an in-process app logged, oldest first.</summary>
    public static IReadOnlyList<string> Keys(RemandzanaApp app) =>
        app.Logs.Entries
            .Where(entry => entry.Level == LogLevel.Warning && entry.Properties.ContainsKey("DebugKey"))
            .Select(entry => (string)entry.Properties["DebugKey"]!)
            .ToList();

    /// <summary>The keys an app process wrote to its output, oldest first.</summary>
    public static IReadOnlyList<string> Keys(AppProcess instance) =>
        instance.Output.Select(line => LoggedKey().Match(line)).Where(match => match.Success).Select(match => match.Groups[1].Value).ToList();

    /// <summary>Posts <paramref name="key"/> in the debug view's form.</summary>
    public static Task<HttpResponseMessage> Post(HttpClient http, string key) =>
        http.PostAsync("/debug", new FormUrlEncodedContent([new("key", key)]));

    /// <summary>Asks for the form, waits for the key it logged (read through <paramref name="loggedKeys"/>), posts it: the JSON.</summary>
    public static async Task<string> Read(HttpClient http, Func<IReadOnlyList<string>> loggedKeys)
    {
        var before = loggedKeys().Count;
        using (var form = await http.GetAsync("/debug"))
        {
            Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the key form");
        }

        for (var attempt = 0; loggedKeys().Count == before; attempt++)
        {
            if (attempt == 500)
            {
                Assert.Fail("No fresh debug key was logged.");
            }

            await Task.Delay(10);
        }

        using var answer = await Post(http, loggedKeys()[^1]);
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the posted key opens the view");
        Assert.That(answer.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        return await answer.Content.ReadAsStringAsync();
    }

    public static Task<string> Read(HttpClient http, RemandzanaApp app) => Read(http, () => Keys(app));

    public static Task<string> Read(HttpClient http, AppProcess instance) => Read(http, () => Keys(instance));

    [GeneratedRegex(@"Debug view key (\S+) ")]
    private static partial Regex LoggedKey();
}
