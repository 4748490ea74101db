using System.Globalization;

namespace Remandzana.Bench;

/// <summary>
/// The server's CPU seconds and resident memory, read from /proc (Linux only). Several processes
/// (the instances of a scaled-out site) are added up: total CPU seconds, total RSS.
/// </summary>
public sealed class ServerProbe(IReadOnlyList<int> pids)
{
    // USER_HZ: the unit of utime and stime in /proc/PID/stat; 100 on every Linux the bench targets.
    private const double TicksPerSecond = 100;

    public bool Available => pids.Count > 0 && pids.All(pid => File.Exists($"/proc/{pid}/stat"));

    public ServerSample Sample()
    {
        if (!Available)
        {
            return new ServerSample(double.NaN, double.NaN, DateTimeOffset.UtcNow);
        }

        var cpuSeconds = 0.0;
        var rssKib = 0.0;
        foreach (var pid in pids)
        {
            var (cpu, rss) = SampleOne(pid);
            cpuSeconds += cpu;
            rssKib += rss;
        }

        return new ServerSample(cpuSeconds, rssKib, DateTimeOffset.UtcNow);
    }

    private static (double CpuSeconds, double RssKib) SampleOne(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name may contain spaces; the fields start after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var rssKib = double.NaN;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rssKib = double.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return (ticks / TicksPerSecond, rssKib);
    }

    /// <summary>The machine's load averages, as uptime shows them.</summary>
    public static string Load()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} {parts[1]} {parts[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
