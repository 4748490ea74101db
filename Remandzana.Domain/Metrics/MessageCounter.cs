namespace Remandzana.Domain.Metrics;

/// <summary>
/// Chat messages relayed in the last 24 hours, counted in one bucket per second. The total shown
/// on every page is recomputed at most once per <c>recompute</c> interval, so a busy footer costs
/// a sum over the buckets once a minute, not once a page.
/// </summary>
public sealed class MessageCounter : IMessagesToday
{
    public static readonly TimeSpan DefaultRecompute = TimeSpan.FromSeconds(60);

    private const int Seconds = 24 * 60 * 60;

    private readonly object _gate = new();
    private readonly long[] _second = new long[Seconds];
    private readonly int[] _count = new int[Seconds];
    private readonly TimeProvider _time;
    private readonly Recomputed _today;

    public MessageCounter(TimeProvider time, TimeSpan? recompute = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(recompute ?? DefaultRecompute, TimeSpan.Zero, nameof(recompute));
        _time = time;
        _today = new Recomputed(time, recompute ?? DefaultRecompute);
        Array.Fill(_second, long.MinValue);
    }

    /// <summary>One message was relayed now.</summary>
    public void Record()
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var slot = Slot(now);
        lock (_gate)
        {
            if (_second[slot] != now)
            {
                _second[slot] = now;
                _count[slot] = 0;
            }

            _count[slot]++;
        }
    }

    /// <summary>Messages in the last 24 hours, as of the last recomputation (at most one interval old).</summary>
    public long Today => _today.Value(now =>
    {
        lock (_gate)
        {
            return Sum(now.ToUnixTimeSeconds());
        }
    });

    public ValueTask<long> Count() => ValueTask.FromResult(Today);

    private long Sum(long now)
    {
        var oldest = now - Seconds;
        long total = 0;
        for (var slot = 0; slot < Seconds; slot++)
        {
            var second = _second[slot];
            if (second > oldest && second <= now)
            {
                total += _count[slot];
            }
        }

        return total;
    }

    private static int Slot(long second) => (int)(((second % Seconds) + Seconds) % Seconds);
}
