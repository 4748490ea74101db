using System.Collections.Concurrent;
using System.Diagnostics;

namespace Remandzana.Bench;

/// <summary>Opens many chat pages at once, a bounded number at a time, and says how it went.</summary>
public static class Opening
{
    public static async Task<OpenedTabs> Many(HttpClient http, string path, int count, int concurrency, TimeSpan patience, int firstNumber = 0)
    {
        var tabs = new ConcurrentBag<Tab>();
        var errors = new ConcurrentDictionary<string, int>();
        var times = new Latencies();
        var failed = 0;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(firstNumber, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (number, _) =>
        {
            using var timeout = new CancellationTokenSource(patience);
            var begun = Stopwatch.GetTimestamp();
            try
            {
                tabs.Add(await Tab.Open(http, path, timeout.Token, number));
                times.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
            {
                Interlocked.Increment(ref failed);
                errors.AddOrUpdate(e.GetType().Name + ": " + e.Message.Split('\n')[0], 1, (_, n) => n + 1);
            }
        });

        return new OpenedTabs([.. tabs.OrderBy(tab => tab.Number)], failed, times, Stopwatch.GetElapsedTime(started), errors);
    }
}
