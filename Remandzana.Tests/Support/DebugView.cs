using System.Collections.Concurrent;
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
    /// <summary>Keys this helper spent (or saw refused), so the next read waits for a fresh one.</summary>
    private static readonly ConcurrentDictionary<string, bool> Used = new();

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

    /// <summary>
    /// Asks for the form, waits for a key it has not used yet among the logged ones (read through
    /// <paramref name="loggedKeys"/>), posts it: the JSON. An answer other than the form or the view
    /// throws <see cref="HttpRequestException"/>, as for an instance that cannot answer just now.
    /// </summary>
    public static async Task<string> Read(HttpClient http, Func<IReadOnlyList<string>> loggedKeys)
    {
        using var answer = await Open(http, loggedKeys);
        answer.EnsureSuccessStatusCode();
        Assert.That(answer.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        return await answer.Content.ReadAsStringAsync();
    }

    /// <summary>Asks for the form and posts a fresh key, as <see cref="Read(HttpClient, Func{IReadOnlyList{string}})"/> does: the answer, whatever it is.</summary>
    public static async Task<HttpResponseMessage> Open(HttpClient http, Func<IReadOnlyList<string>> loggedKeys)
    {
        using (var form = await http.GetAsync("/debug"))
        {
            if (form.StatusCode != HttpStatusCode.Unauthorized)
            {
                throw new HttpRequestException($"/debug answered {(int)form.StatusCode}, not the key form.");
            }
        }

        var key = await Eventually.Found(() => loggedKeys() is [.., var last] && !Used.ContainsKey(last) ? last : null, "a fresh debug key to be logged");


        var answer = await Post(http, key);
        if (answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
        {
            Used.TryAdd(key, true);
        }

        return answer;
    }

    public static Task<string> Read(HttpClient http, RemandzanaApp app) => Read(http, () => Keys(app));

    public static Task<string> Read(HttpClient http, AppProcess instance) => Read(http, () => Keys(instance));

    public static Task<HttpResponseMessage> Open(HttpClient http, AppProcess instance) => Open(http, () => Keys(instance));

    [GeneratedRegex(@"Debug view key (\S+) ")]
    private static partial Regex LoggedKey();
}
