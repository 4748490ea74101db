namespace Remandzana.Bench;

/// <summary>Latencies in milliseconds, collected from many threads, summarised as percentiles.</summary>
public sealed class Latencies
{
    private readonly object _gate = new();
    private readonly List<double> _values = [];

    public void Add(double milliseconds)
    {
        lock (_gate)
        {
            _values.Add(milliseconds);
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _values.Count;
            }
        }
    }

    public double Percentile(double p)
    {
        lock (_gate)
        {
            if (_values.Count == 0)
            {
                return double.NaN;
            }

            _values.Sort();
            var rank = (int)Math.Ceiling(p / 100 * _values.Count) - 1;
            return _values[Math.Clamp(rank, 0, _values.Count - 1)];
        }
    }

    public void Report(Report report, string prefix)
    {
        report.Add($"{prefix}p50_ms", Percentile(50));
        report.Add($"{prefix}p90_ms", Percentile(90));
        report.Add($"{prefix}p99_ms", Percentile(99));
        report.Add($"{prefix}max_ms", Percentile(100));
    }
}
