using System.Globalization;

namespace Remandzana.Bench;

/// <summary>
/// The command line: a scenario name, then <c>--name value</c> pairs. A name given more than once
/// keeps its last value, except for the list options (<c>--base</c>, <c>--server-pid</c>), which
/// collect every value given, each also comma-separated.
/// </summary>
public sealed class BenchArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _lists = new(StringComparer.Ordinal);

    private BenchArgs(string scenario, IReadOnlyList<string> raw)
    {
        Scenario = scenario;
        Raw = raw;
    }

    public string Scenario { get; }

    /// <summary>Every argument as given, for the results file.</summary>
    public IReadOnlyList<string> Raw { get; }

    public static BenchArgs Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("Name a scenario first: pairs, idle, ramp, global, floor, churn.");
        }

        var parsed = new BenchArgs(args[0], args);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected --name, got '{args[i]}'.");
            }

            var name = args[i][2..];
            var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            parsed._values[name] = value;
            if (!parsed._lists.TryGetValue(name, out var all))
            {
                parsed._lists[name] = all = [];
            }

            all.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return parsed;
    }

    /// <summary>The same arguments with one value replaced (the command line recorded stays the one given).</summary>
    public BenchArgs With(string name, string value)
    {
        var copy = new BenchArgs(Scenario, Raw);
        foreach (var (key, existing) in _values)
        {
            copy._values[key] = existing;
        }

        foreach (var (key, existing) in _lists)
        {
            copy._lists[key] = [.. existing];
        }

        copy._values[name] = value;
        copy._lists[name] = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        return copy;
    }

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public string? OptionalString(string name) => _values.GetValueOrDefault(name);

    public int Integer(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public double Number(string name, double fallback) =>
        _values.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => _values.TryGetValue(name, out var value) && value != "false";

    /// <summary>
    /// The servers to measure, in the order given (<c>--base URL[,URL…]</c>, repeatable): several
    /// instances of one scaled-out site. Only loopback addresses are accepted, so the bench never
    /// loads anyone else's site.
    /// </summary>
    public IReadOnlyList<Uri> Bases
    {
        get
        {
            var values = _lists.GetValueOrDefault("base") ?? [];
            if (values.Count == 0)
            {
                throw new ArgumentException("--base http://127.0.0.1:PORT is required.");
            }

            return values.Select(value =>
            {
                var uri = new Uri(value.TrimEnd('/'));
                if (!uri.IsLoopback)
                {
                    throw new ArgumentException("The bench only sends traffic to loopback addresses (127.0.0.1, localhost).");
                }

                return uri;
            }).ToList();
        }
    }

    /// <summary>The (first) server to measure; the scenarios other than pairs use only this one.</summary>
    public Uri Base => Bases[0];

    /// <summary>The server processes to sample (<c>--server-pid PID[,PID…]</c>, repeatable; each process once): their CPU and RSS are added up.</summary>
    public IReadOnlyList<int> ServerPids => (_lists.GetValueOrDefault("server-pid") ?? []).Select(pid => int.Parse(pid, CultureInfo.InvariantCulture)).Distinct().ToList();

    /// <summary>The first server process, for what can look at one process only (the heap probe, the results row's cores).</summary>
    public int? ServerPid => ServerPids is [var first, ..] ? first : null;

    public string CommandLine => "dotnet Remandzana.Bench.dll " + string.Join(' ', Raw);
}
