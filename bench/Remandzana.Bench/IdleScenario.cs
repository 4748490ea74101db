namespace Remandzana.Bench;

/// <summary>
/// N streams held for T seconds with nothing said: the server's CPU and memory before, after
/// opening and after holding, per 1,000 streams and per stream; and how many streams failed.
/// </summary>
public static class IdleScenario
{
    /// <summary>How many streams one hold worker keeps (a process may open about 20,000 files).</summary>
    public const int StreamsPerWorker = 9_500;

    public static async Task Run(BenchArgs args, Report report, string prefix = "")
    {
        var streams = args.Integer("streams", 10_000);
        var hold = args.Integer("hold", 60);
        var path = args.Text("path", "/two");
        var probe = new ServerProbe(args.ServerPids);
        var workers = args.Integer("workers", (streams + StreamsPerWorker - 1) / StreamsPerWorker);

        report.Add(prefix + "streams", streams);
        report.Add(prefix + "hold_s", hold);
        report.Add(prefix + "workers", workers);
        var sourcePerWorker = args.Flag("source-per-worker");
        if (sourcePerWorker)
        {
            report.Add(prefix + "sources", $"{HoldWorkers.SourceOf(0)}-{HoldWorkers.SourceOf(workers - 1)}");
        }

        await using var holders = new HoldWorkers(args.Base, path, workers, sourcePerWorker);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var before = probe.Sample();
        var opened = await holders.Open(streams, args.Integer("concurrency", 128));
        var openTook = DateTimeOffset.UtcNow - before.At;
        // Said before the hold, so that a script can start other load while these streams are held.
        report.Add(prefix + "opened", opened.Opened);
        report.Add(prefix + "open_failed", opened.Failed);
        report.Add(prefix + "open_error", opened.FirstError);
        report.Add(prefix + "open_s", openTook.TotalSeconds);
        report.Add(prefix + "open_p99_ms", opened.P99OpenMs);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var afterOpen = probe.Sample();
        await Task.Delay(TimeSpan.FromSeconds(hold));
        var afterHold = probe.Sample();
        var status = await holders.Status();

        var held = (afterHold.At - afterOpen.At).TotalSeconds;
        report.Add(prefix + "alive_after_hold", status.Alive);
        report.Add(prefix + "ended_early", status.Ended);
        report.Add(prefix + "failures", opened.Failed + status.Ended);
        report.Add(prefix + "heartbeats_seen", status.Heartbeats);
        report.Add(prefix + "rss_before_mib", before.RssKib / 1024);
        report.Add(prefix + "rss_opened_mib", afterOpen.RssKib / 1024);
        report.Add(prefix + "rss_held_mib", afterHold.RssKib / 1024);
        report.Add(prefix + "rss_per_stream_kib", (afterHold.RssKib - before.RssKib) / Math.Max(1, opened.Opened));
        report.Add(prefix + "cpu_open_s", afterOpen.CpuSeconds - before.CpuSeconds);
        report.Add(prefix + "cpu_hold_s", afterHold.CpuSeconds - afterOpen.CpuSeconds);
        report.Add(prefix + "cores_per_1000_streams", (afterHold.CpuSeconds - afterOpen.CpuSeconds) / held / Math.Max(1, opened.Opened) * 1000);
    }
}
