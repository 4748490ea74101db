namespace Remandzana.Bench;

/// <summary>Opens streams in steps until one fails or a maximum is reached: per step, opened, failed, time to open, RSS.</summary>
public static class RampScenario
{
    public static async Task Run(BenchArgs args, Report report)
    {
        var step = args.Integer("step", 2_000);
        var maximum = args.Integer("max", 19_000);
        var path = args.Text("path", "/two");
        var probe = new ServerProbe(args.ServerPids);
        var workers = args.Integer("workers", (maximum + IdleScenario.StreamsPerWorker - 1) / IdleScenario.StreamsPerWorker);
        await using var holders = new HoldWorkers(args.Base, path, workers);
        var before = probe.Sample();
        report.Add("rss_start_mib", before.RssKib / 1024);
        var total = 0;
        var failedAt = 0;
        for (var number = 1; total < maximum; number++)
        {
            var size = Math.Min(step, maximum - total);
            var begun = DateTimeOffset.UtcNow;
            var opened = await holders.Open(size, args.Integer("concurrency", 128));
            var took = DateTimeOffset.UtcNow - begun;
            total += opened.Opened;
            var sample = probe.Sample();
            report.Add($"step{number}", $"open={total} failed={opened.Failed} took_s={Report.Format(took.TotalSeconds)} p99_open_ms={Report.Format(opened.P99OpenMs)} rss_mib={Report.Format(sample.RssKib / 1024)} cpu_s={Report.Format(sample.CpuSeconds - before.CpuSeconds)}");
            if (opened.Failed > 0)
            {
                failedAt = total + opened.Failed;
                report.Add("first_error", opened.FirstError);
                break;
            }
        }

        var status = await holders.Status();
        report.Add("held", status.Alive);
        report.Add("ended_early", status.Ended);
        report.Add("first_failure_at", failedAt == 0 ? "none" : failedAt.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
