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
        lock (_gate)
        {
            return IsFresh(out var now) ? _value : Keep(compute(now));
        }
    }

    /// <summary>As <see cref="Value"/>, for a figure read over the network: callers in the meantime get the last value.</summary>
    public async ValueTask<long> ValueAsync(Func<DateTimeOffset, Task<long?>> compute)
    {
        DateTimeOffset now;
        lock (_gate)
        {
            if (IsFresh(out now))
            {
                return _value;
            }
        }

        var value = await compute(now);
        lock (_gate)
        {
            return Keep(value);
        }
    }

    /// <summary>Under the lock: true when the last value is recent enough; otherwise it counts as recomputed from now on.</summary>
    private bool IsFresh(out DateTimeOffset now)
    {
        now = time.GetUtcNow();
        if (_computedAt is { } at && now - at < interval && now >= at)
        {
            return true;
        }

        _computedAt = now;
        return false;
    }

    private long Keep(long? value)
    {
        _value = value ?? _value;
        return _value;
    }
}
