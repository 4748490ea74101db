using System.Diagnostics;

namespace Remandzana.Bench;

/// <summary>
/// What interests cost a join. Times pairs of /two pages, from opening the first to both being in
/// their room, alternating pairs that share an interest with pairs that give none: first with
/// nobody waiting, then with <c>--waiting</c> people (default 1,000) each waiting for an interest
/// nobody else has, so every join looks at all of them. Run the server with a wait longer than the
/// run (<c>Remandzana__Matching__InterestWaitSeconds=3600</c>) so those people keep waiting.
/// <c>--warmup-pairs</c> untimed pairs of each kind come first ("warm"; 0 measures a fresh server).
/// </summary>
public static class InterestsScenario
{
    public static async Task Run(BenchArgs args, Report report)
    {
        var waiting = args.Integer("waiting", 1000);
        var pairs = args.Integer("pairs", 200);
        var warmup = args.Integer("warmup-pairs", 100);
        using var http = Browsers.Client(args.Base);
        report.Add("waiting", waiting);
        report.Add("pairs_per_kind", pairs);
        report.Add("warmup_pairs", warmup);

        var round = 0;
        var probe = new ServerProbe(args.ServerPids);
        await Measure(warmup, new Latencies(), new Latencies());
        var emptyWith = new Latencies();
        var emptyWithout = new Latencies();
        await Measure(pairs, emptyWith, emptyWithout, "nobody_waiting_");

        var lonely = new List<Tab>(waiting);
        for (var i = 0; i < waiting; i++)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var tab = await Tab.Open(http, $"/two?interests=alone{i}", timeout.Token, i);
            tab.StartReading();
            lonely.Add(tab);
        }

        var fullWith = new Latencies();
        var fullWithout = new Latencies();
        await Measure(pairs, fullWith, fullWithout, "waiting_");
        report.Add("waiting_still", lonely.Count(tab => !tab.Found.IsCompleted && !tab.Ended));

        emptyWith.Report(report, "nobody_waiting_with_interests_");
        emptyWithout.Report(report, "nobody_waiting_without_interests_");
        fullWith.Report(report, "waiting_with_interests_");
        fullWithout.Report(report, "waiting_without_interests_");
        report.Add("ratio_p50_with_over_without_at_waiting", fullWith.Percentile(50) / fullWithout.Percentile(50));
        report.Add("ratio_p50_waiting_over_nobody_with_interests", fullWith.Percentile(50) / emptyWith.Percentile(50));

        foreach (var tab in lonely)
        {
            await tab.DisposeAsync();
        }

        // Blocks of 20 pairs of each kind in turn: latencies see the same neighbours, and the
        // server's CPU seconds over each block are charged to its kind.
        async Task Measure(int count, Latencies with, Latencies without, string? cpuPrefix = null)
        {
            var cpu = new double[2];
            for (var done = 0; done < count; done += 20)
            {
                var block = Math.Min(20, count - done);
                for (var kind = 0; kind < 2; kind++)
                {
                    var before = probe.Available ? probe.Sample().CpuSeconds : 0;
                    for (var i = 0; i < block; i++)
                    {
                        round++;
                        (kind == 0 ? with : without).Add(await Pair(kind == 0 ? $"/two?interests=pair{round}" : "/two"));
                    }

                    cpu[kind] += probe.Available ? probe.Sample().CpuSeconds - before : 0;
                }
            }

            if (cpuPrefix is not null && probe.Available)
            {
                report.Add($"{cpuPrefix}server_cpu_ms_per_pair_with_interests", cpu[0] * 1000 / count);
                report.Add($"{cpuPrefix}server_cpu_ms_per_pair_without_interests", cpu[1] * 1000 / count);
            }
        }

        async Task<double> Pair(string path)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var begun = Stopwatch.GetTimestamp();
            await using var first = await Tab.Open(http, path, timeout.Token);
            first.StartReading();
            await using var second = await Tab.Open(http, path, timeout.Token);
            second.StartReading();
            await Task.WhenAll(first.Found, second.Found).WaitAsync(timeout.Token);
            return Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
        }
    }
}
