using System.Globalization;

namespace Remandzana.Bench;

/// <summary>A process's CPU seconds and resident memory, read from /proc (Linux only).</summary>
public sealed class ServerProbe(int? pid)
{
    // USER_HZ: the unit of utime and stime in /proc/PID/stat; 100 on every Linux the bench targets.
    private const double TicksPerSecond = 100;

    public bool Available => pid is not null && File.Exists($"/proc/{pid}/stat");

    public ServerSample Sample()
    {
        if (!Available)
        {
            return new ServerSample(double.NaN, double.NaN, DateTimeOffset.UtcNow);
        }

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

        return new ServerSample(ticks / TicksPerSecond, rssKib, DateTimeOffset.UtcNow);
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
