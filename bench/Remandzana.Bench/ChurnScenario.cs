using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Remandzana.Bench;

/// <summary>
/// Many join/leave cycles (open a chat page, read until its preamble, close); afterwards the
/// server's switchboard should be empty (read from /debug with the operator's key) and its
/// managed heap back near where it started (from a gcdump of the server, if the tool is there).
/// </summary>
public static class ChurnScenario
{
    public static async Task Run(BenchArgs args, Report report)
    {
        var cycles = args.Integer("cycles", 100_000);
        var paths = args.Text("paths", "/two,/global").Split(',');
        var limit = TimeSpan.FromSeconds(args.Integer("max-seconds", 1200));
        var heap = new HeapProbe(args.OptionalString("gcdump"), args.ServerPid);
        var probe = new ServerProbe(args.ServerPids);
        using var http = Browsers.Client(args.Base);

        // Warm the server up a little so that the "start" heap has its caches and JIT-ed code.
        await Cycle(http, paths, 2_000, args.Integer("concurrency", 32), limit);
        // The first gcdump makes the server build its own diagnostics metadata (event sources,
        // reflection); take one and throw it away so that the start figure already includes it.
        await heap.Measure();
        var heapBefore = await heap.Measure();
        var before = probe.Sample();
        var started = Stopwatch.GetTimestamp();
        var (done, failed, error) = await Cycle(http, paths, cycles, args.Integer("concurrency", 32), limit);
        var took = Stopwatch.GetElapsedTime(started);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var after = probe.Sample();
        var heapAfter = await heap.Measure();

        report.Add("cycles", done);
        report.Add("failed", failed);
        report.Add("first_error", error);
        report.Add("cycles_per_s", done / took.TotalSeconds);
        report.Add("server_cpu_s", after.CpuSeconds - before.CpuSeconds);
        report.Add("rss_before_mib", before.RssKib / 1024);
        report.Add("rss_after_mib", after.RssKib / 1024);
        await Switchboard(http, args.OptionalString("debug-key"), report);
        report.Add("heap_before_mib", heapBefore.Bytes / 1024.0 / 1024);
        report.Add("heap_after_mib", heapAfter.Bytes / 1024.0 / 1024);
        report.Add("heap_change_pct", heapBefore.Bytes > 0 ? (heapAfter.Bytes - heapBefore.Bytes) * 100.0 / heapBefore.Bytes : double.NaN);
        report.Add("persons_alive_before", heapBefore.Persons);
        report.Add("persons_alive_after", heapAfter.Persons);
        report.Add("heap_source", heap.Source);
    }

    private static async Task<(int Done, int Failed, string Error)> Cycle(HttpClient http, string[] paths, int cycles, int concurrency, TimeSpan limit)
    {
        var done = 0;
        var failed = 0;
        var error = "none";
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, cycles), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = deadline.Token }, async (i, token) =>
            {
                try
                {
                    await using var tab = await Tab.Open(http, paths[i % paths.Length], token);
                    Interlocked.Increment(ref done);
                }
                catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !deadline.IsCancellationRequested))
                {
                    Interlocked.Increment(ref failed);
                    error = e.Message.Split('\n')[0].Replace(';', ',');
                }
            });
        }
        catch (OperationCanceledException)
        {
            error = $"stopped after {limit.TotalSeconds:0} s";
        }

        return (done, failed, error);
    }

    /// <summary>Reads the operator's view (the key posted to <c>/debug</c>, once) and reports how many people, lobbies' waiters and rooms remain.</summary>
    private static async Task Switchboard(HttpClient http, string? key, Report report)
    {
        using var answer = await http.PostAsync("/debug", new FormUrlEncodedContent([new("key", key ?? "")]));
        if (answer.StatusCode != HttpStatusCode.OK)
        {
            report.Add("debug", answer.StatusCode == HttpStatusCode.NotFound ? "not available (404)" : $"refused ({(int)answer.StatusCode}); pass --debug-key");
            return;
        }

        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        report.Add("debug", "read");
        var people = Count(json.RootElement, "people");
        var rooms = Count(json.RootElement, "rooms");
        var waiting = 0;
        if (json.RootElement.TryGetProperty("lobbies", out var lobbies) && lobbies.ValueKind == JsonValueKind.Array)
        {
            foreach (var lobby in lobbies.EnumerateArray())
            {
                foreach (var property in lobby.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array))
                {
                    waiting += property.Value.GetArrayLength();
                }
            }
        }

        report.Add("switchboard_people", people);
        report.Add("switchboard_waiting", waiting);
        report.Add("switchboard_rooms", rooms);
        report.Add("switchboard_empty", people == 0 && waiting == 0 && rooms == 0 ? "yes" : "NO");
    }

    private static int Count(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.GetArrayLength() : -1;
}
