using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Remandzana.Bench;

/// <summary>K members in global chat; messages at R per second from members in turn; fan-out latency to every other member.</summary>
public static class GlobalScenario
{
    public static async Task Run(BenchArgs args, Report report)
    {
        var members = args.Integer("members", 1_000);
        var rate = args.Number("rate", 10);
        var seconds = args.Integer("seconds", 30);
        var probe = new ServerProbe(args.ServerPids);
        using var http = Browsers.Client(args.Base);
        report.Add("members", members);
        report.Add("rate_per_s", rate);
        report.Add("seconds", seconds);

        var opened = await Opening.Many(http, "/global", members, args.Integer("concurrency", 16), TimeSpan.FromSeconds(120));
        var tabs = opened.Tabs;
        report.Add("open_failed", opened.Failed);
        var total = (int)(rate * seconds);
        var sentAt = new long[total];
        var receipts = new int[total];
        var latencies = new Latencies();
        foreach (var tab in tabs)
        {
            tab.StartReading((_, line) =>
            {
                if (line.IsChat && !line.IsMine && PairsScenario.TryMessageId(line.Text, out var id) && id < total)
                {
                    Interlocked.Increment(ref receipts[id]);
                    latencies.Add(Stopwatch.GetElapsedTime(Volatile.Read(ref sentAt[id]), line.At).TotalMilliseconds);
                }
            });
        }

        await Task.WhenAll(tabs.Select(tab => Task.WhenAny(tab.Found, Task.Delay(TimeSpan.FromSeconds(30)))));
        // Let the "X joined" lines of the last arrivals reach everyone before timing.
        await Task.Delay(TimeSpan.FromSeconds(3));

        // Untimed messages first, at the same rate, so the server is warm (see the pairs scenario).
        var warmupSeconds = args.Integer("warmup-seconds", 15);
        for (var w = 0; w < (int)(warmupSeconds * rate); w++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1 / rate));
            var tab = tabs[(total + w) % tabs.Count];
            _ = Task.Run(async () =>
            {
                try
                {
                    await tab.Send(http, "warm-up", CancellationToken.None);
                }
                catch (HttpRequestException)
                {
                }
            });
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        report.Add("warmup_s", warmupSeconds);
        var before = probe.Sample();
        var start = Stopwatch.GetTimestamp();
        var sends = new List<Task<bool>>();
        for (var id = 0; id < total; id++)
        {
            var due = TimeSpan.FromSeconds(id / rate) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var tab = tabs[id % tabs.Count];
            var message = id;
            sends.Add(Task.Run(async () =>
            {
                Volatile.Write(ref sentAt[message], Stopwatch.GetTimestamp());
                try
                {
                    return await tab.Send(http, string.Create(CultureInfo.InvariantCulture, $"m{message} hi all"), CancellationToken.None) == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }));
        }

        var sent = (await Task.WhenAll(sends)).Count(ok => ok);
        var expected = (long)sent * (tabs.Count - 1);
        var drain = Stopwatch.StartNew();
        while (latencies.Count < expected && drain.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        var after = probe.Sample();
        report.Add("sent", sent);
        report.Add("expected_receipts", expected);
        report.Add("receipts", latencies.Count);
        report.Add("lost_receipts", expected - latencies.Count);
        latencies.Report(report, "fanout_");
        report.Add("server_cores_busy", (after.CpuSeconds - before.CpuSeconds) / (after.At - before.At).TotalSeconds);
        report.Add("server_rss_mib", after.RssKib / 1024);
        report.Add("streams_ended_early", tabs.Count(tab => tab.Ended));
        await OpenedTabs.CloseAll(tabs);
    }
}
