using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Remandzana.Bench;

/// <summary>
/// P pairs on /two; each side sends M messages at R per second. Each message carries a unique id
/// and is timed from the start of its post until it appears in the partner's stream.
/// With several bases (the instances of a scaled-out site), the two members of each pair are
/// streamed by different instances and every message is posted to the instance after the one
/// that streams its sender (<c>--post-to next</c>, as a round-robin proxy would spread them) or
/// to the sender's own instance (<c>--post-to own</c>).
/// </summary>
public static class PairsScenario
{
    public static async Task Run(BenchArgs args, Report report, string prefix = "")
    {
        var pairs = args.Integer("pairs", 500);
        var messages = args.Integer("messages", 10);
        var rate = args.Number("rate", 1);
        var path = args.Text("path", "/two");
        var probe = new ServerProbe(args.ServerPids);
        var instances = args.Bases.Select(address => Browsers.Client(address)).ToList();
        try
        {
            await Run(args, report, prefix, instances, pairs, messages, rate, path, probe);
        }
        finally
        {
            foreach (var http in instances)
            {
                http.Dispose();
            }
        }
    }

    private static async Task Run(BenchArgs args, Report report, string prefix, List<HttpClient> instances, int pairs, int messages, double rate, string path, ServerProbe probe)
    {
        var postTo = args.Text("post-to", "next");
        var length = args.Integer("message-length", BenchText.DefaultLength);
        if (postTo is not ("next" or "own"))
        {
            throw new ArgumentException("--post-to is next (the instance after the sender's) or own (the sender's).");
        }

        report.Add(prefix + "pairs", pairs);
        report.Add(prefix + "messages_per_side", messages);
        report.Add(prefix + "rate_per_side", rate);
        report.Add(prefix + "message_chars", BenchText.Of('m', 0, length).Length);
        var scaledOut = instances.Count > 1;
        if (scaledOut)
        {
            report.Add(prefix + "instances", instances.Count);
            report.Add(prefix + "post_to", postTo);
        }

        // The instance a tab posts to: the next one after the instance that streams it, or that one (the same with one base).
        int PostsTo(Tab tab) => postTo == "own" ? tab.Instance : (tab.Instance + 1) % instances.Count;

        var opened = scaledOut
            ? await PairOpening.AcrossInstances(instances, path, pairs, TimeSpan.FromSeconds(60))
            : await Opening.Many(instances[0], path, pairs * 2, args.Integer("concurrency", 64), TimeSpan.FromSeconds(60));
        var tabs = opened.Tabs;
        report.Add(prefix + "open_failed", opened.Failed);
        var total = tabs.Count * messages;
        var sentAt = new long[total];
        var received = new int[total];
        var latencies = new Latencies();
        long lastArrival = 0;
        var misdelivered = 0;
        var postedTo = new int[total];
        var streamsApart = 0;
        var postApart = 0;

        foreach (var tab in tabs)
        {
            tab.StartReading((receiver, line) =>
            {
                if (!line.IsChat || line.IsMine || !TryId(line.Text, out var id) || id >= total)
                {
                    return;
                }

                if (Interlocked.Increment(ref received[id]) == 1)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(Volatile.Read(ref sentAt[id]), line.At).TotalMilliseconds);
                    InterlockedMax(ref lastArrival, line.At);
                    if (tabs[id / messages].Instance != receiver.Instance)
                    {
                        Interlocked.Increment(ref streamsApart);
                    }

                    if (Volatile.Read(ref postedTo[id]) != receiver.Instance)
                    {
                        Interlocked.Increment(ref postApart);
                    }
                }
                else
                {
                    Interlocked.Increment(ref misdelivered);
                }
            });
        }

        var paired = await Task.WhenAll(tabs.Select(async tab => await Task.WhenAny(tab.Found, Task.Delay(TimeSpan.FromSeconds(30))) == tab.Found));
        report.Add(prefix + "paired_streams", paired.Count(found => found));

        // Untimed messages first, at the same rate, so the server's code is compiled to its final
        // tier and its pools are warm before the clock starts (a long-running server's steady state).
        var warmupSeconds = args.Integer("warmup-seconds", 20);
        var warmupRounds = Math.Min((int)Math.Ceiling(warmupSeconds * rate), 50);
        var warmupInterval = TimeSpan.FromSeconds(1 / rate);
        var warmupStart = Stopwatch.GetTimestamp();
        var warmupSent = 0;
        await Task.WhenAll(tabs.Select(tab => Task.Run(async () =>
        {
            var phase = warmupInterval * Random.Shared.NextDouble();
            for (var k = 0; k < warmupRounds; k++)
            {
                var due = phase + (warmupInterval * k) - Stopwatch.GetElapsedTime(warmupStart);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                try
                {
                    await tab.Send(instances[PostsTo(tab)], BenchText.Of('w', Interlocked.Increment(ref warmupSent), length), CancellationToken.None);
                }
                catch (HttpRequestException)
                {
                }
            }
        })));
        report.Add(prefix + "warmup_s", warmupSeconds);

        var before = probe.Sample();
        var sent = 0;
        var refused = 0;
        var interval = TimeSpan.FromSeconds(1 / rate);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(tabs.Select((tab, index) => Task.Run(async () =>
        {
            var phase = interval * Random.Shared.NextDouble();
            for (var k = 0; k < messages; k++)
            {
                var due = phase + (interval * k) - Stopwatch.GetElapsedTime(start);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                var id = (index * messages) + k;
                var instance = PostsTo(tab);
                Volatile.Write(ref postedTo[id], instance);
                Volatile.Write(ref sentAt[id], Stopwatch.GetTimestamp());
                try
                {
                    if (await tab.Send(instances[instance], BenchText.Of('m', id, length), CancellationToken.None) == HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref sent);
                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                }

                Interlocked.Increment(ref refused);
            }
        })));
        var sendingTook = Stopwatch.GetElapsedTime(start);

        // Wait for what is still on its way, but not forever.
        var drain = Stopwatch.StartNew();
        while (latencies.Count < sent && drain.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        var after = probe.Sample();
        var delivered = latencies.Count;
        var window = Stopwatch.GetElapsedTime(start, Math.Max(Interlocked.Read(ref lastArrival), start + 1)).TotalSeconds;
        report.Add(prefix + "sent", sent);
        report.Add(prefix + "refused", refused);
        report.Add(prefix + "delivered", delivered);
        report.Add(prefix + "lost", sent - delivered);
        report.Add(prefix + "duplicated", misdelivered);
        if (scaledOut)
        {
            // Messages whose sender and receiver were streamed by different instances (the pairing
            // crossed the shared lobby), and whose post was taken by an instance other than the
            // receiver's (the timed delivery itself crossed the backplane).
            report.Add(prefix + "delivered_streams_apart", streamsApart);
            report.Add(prefix + "delivered_post_apart", postApart);
        }

        latencies.Report(report, prefix + "latency_");
        report.Add(prefix + "offered_per_s", tabs.Count * rate);
        report.Add(prefix + "sent_per_s", sent / sendingTook.TotalSeconds);
        report.Add(prefix + "delivered_per_s", delivered / window);
        report.Add(prefix + "server_cpu_s", after.CpuSeconds - before.CpuSeconds);
        // Robust to a shared machine: the server's own CPU time per relayed message, and the rate one core could sustain at that cost.
        report.Add(prefix + "server_cpu_us_per_msg", (after.CpuSeconds - before.CpuSeconds) * 1e6 / Math.Max(1, delivered));
        report.Add(prefix + "msgs_per_core_s", delivered / Math.Max(0.01, after.CpuSeconds - before.CpuSeconds));
        report.Add(prefix + "server_cores_busy", (after.CpuSeconds - before.CpuSeconds) / (after.At - before.At).TotalSeconds);
        report.Add(prefix + "server_rss_mib", after.RssKib / 1024);
        report.Add(prefix + "streams_ended_early", tabs.Count(tab => tab.Ended));
        await OpenedTabs.CloseAll(tabs);
    }

    private static bool TryId(string? text, out int id)
    {
        id = 0;
        if (text is null || text.Length < 2 || text[0] != 'm')
        {
            return false;
        }

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return int.TryParse(text.AsSpan(1, (space < 0 ? text.Length : space) - 1), NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    internal static bool TryMessageId(string? text, out int id) => TryId(text, out id);

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
