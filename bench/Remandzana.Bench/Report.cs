using System.Globalization;
using System.Text;

namespace Remandzana.Bench;

/// <summary>
/// A scenario's figures: printed as <c>key: value</c> lines and appended as one dated row to
/// bench/RESULTS.md with the exact command, the machine and its load.
/// </summary>
public sealed class Report(BenchArgs args)
{
    private readonly List<(string Key, string Value)> _figures = [];

    private string? _serverCpus;

    /// <summary>Records which cores a server the bench started itself (the floor) may use, while it still runs.</summary>
    public void NoteServer(int pid) => _serverCpus = Cpus(pid);

    public void Add(string key, string value)
    {
        _figures.Add((key, value));
        Console.WriteLine($"{key}: {value}");
    }

    public void Add(string key, double value) => Add(key, Format(value));

    public void Add(string key, long value) => Add(key, value.ToString(CultureInfo.InvariantCulture));

    public static string Format(double value) =>
        double.IsNaN(value) ? "n/a"
        : Math.Abs(value) >= 100 ? value.ToString("0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 1 ? value.ToString("0.##", CultureInfo.InvariantCulture)
        : value.ToString("0.#####", CultureInfo.InvariantCulture);

    public void Append(IReadOnlyList<int> serverPids)
    {
        var path = ResultsPath(args.OptionalString("results"));
        var row = new StringBuilder();
        row.Append("| ").Append(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        row.Append(" | ").Append(args.OptionalString("label") ?? "");
        row.Append(" | ").Append(args.Scenario);
        row.Append(" | `").Append(args.CommandLine.Replace("|", "\\|", StringComparison.Ordinal)).Append('`');
        row.Append(" | ").Append(Machine(serverPids));
        row.Append(" | ").Append(string.Join("; ", _figures.Select(figure => $"{figure.Key}={figure.Value}")));
        row.Append(" |");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, "# Benchmark results\n\n| date | label | scenario | command | machine, load | figures |\n| --- | --- | --- | --- | --- | --- |\n");
        }

        File.AppendAllText(path, row.Append('\n').ToString());
        Console.WriteLine($"results: appended to {path}");
    }

    /// <summary>Cores, memory, which cores the server (each instance, separated by " / ") and the bench may use, and the load average (as uptime shows it).</summary>
    private string Machine(IReadOnlyList<int> serverPids)
    {
        var cores = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").Count(line => line.StartsWith("processor", StringComparison.Ordinal)) : Environment.ProcessorCount;
        var memory = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] : "?";
        var memoryGib = double.TryParse(memory, CultureInfo.InvariantCulture, out var kib) ? Format(kib / 1024 / 1024) : "?";
        return $"{cores} cores, {memoryGib} GiB; server cpus {_serverCpus ?? (serverPids.Count == 0 ? "?" : string.Join(" / ", serverPids.Select(pid => Cpus(pid))))}, bench cpus {Cpus(Environment.ProcessId)}; load {ServerProbe.Load()}";
    }

    private static string Cpus(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/status"))
        {
            return "?";
        }

        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
        return line?["Cpus_allowed_list:".Length..].Trim() ?? "?";
    }

    private static string ResultsPath(string? given)
    {
        if (given is not null)
        {
            return given;
        }

        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Remandzana.sln")))
            {
                return Path.Combine(folder.FullName, "bench", "RESULTS.md");
            }
        }

        return "RESULTS.md";
    }
}
