namespace Remandzana.Domain.Metrics;

/// <summary>A figure worked out again at most once per interval; in between, everyone reads the last one.</summary>
public sealed class Recomputed(TimeProvider time, TimeSpan interval)
{
    private readonly object _gate = new();
    private DateTimeOffset? _computedAt;
    private long _value;

    /// <param name="compute">Works the figure out as of the time given; null when it cannot now (the last value stays).</param>
    public long Value(Func<DateTimeOffset, long?> compute)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_computedAt is { } at && now - at < interval && now >= at)
            {
                return _value;
            }

            _computedAt = now;
            _value = compute(now) ?? _value;
            return _value;
        }
    }
}
