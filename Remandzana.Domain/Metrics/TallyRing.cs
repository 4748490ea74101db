namespace Remandzana.Domain.Metrics;

/// <summary>
/// Counts per time bucket (a second, a minute) over a fixed number of the latest buckets, for
/// figures read now and then by an operator and written on the chat's path: each bucket is one
/// 64-bit word (its bucket number in the high half, its count in the low half) changed with a
/// compare-and-swap, so recording takes no lock and a bucket reused later starts from zero.
/// </summary>
public sealed class TallyRing
{
    private const long CountMask = 0xFFFF_FFFF;

    private readonly long[] _buckets;
    private readonly long _bucketTicks;
    private readonly TimeProvider _time;

    /// <param name="bucket">How long one bucket lasts (a whole number of seconds, at least one).</param>
    /// <param name="buckets">How many of the latest buckets are kept.</param>
    public TallyRing(TimeProvider time, TimeSpan bucket, int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucket, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        _time = time;
        _bucketTicks = bucket.Ticks;
        _buckets = new long[buckets];
        // A stamp no bucket number of this ring's life can have: every bucket starts empty.
        Array.Fill(_buckets, Pack(uint.MaxValue, 0));
    }

    public int Length => _buckets.Length;

    /// <summary>Adds <paramref name="amount"/> to the current bucket.</summary>
    public void Add(long amount = 1) => Change(amount, raise: false);

    /// <summary>Keeps the highest of the values seen in the current bucket (for a level, such as people online).</summary>
    public void Raise(long value) => Change(value, raise: true);

    /// <summary>The sum of the latest <paramref name="buckets"/> buckets, the current one included.</summary>
    public long Sum(int buckets)
    {
        long total = 0;
        foreach (var value in Series(buckets))
        {
            total += value;
        }

        return total;
    }

    /// <summary>The latest <paramref name="buckets"/> buckets, oldest first and the current one last; a bucket nothing reached is 0.</summary>
    public long[] Series(int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(buckets, _buckets.Length);
        var now = Now();
        var series = new long[buckets];
        for (var i = 0; i < buckets; i++)
        {
            var number = now - (buckets - 1 - i);
            var word = Volatile.Read(ref _buckets[Slot(number)]);
            series[i] = Stamp(word) == Truncate(number) ? word & CountMask : 0;
        }

        return series;
    }

    private void Change(long value, bool raise)
    {
        var number = Now();
        var stamp = Truncate(number);
        ref var bucket = ref _buckets[Slot(number)];
        while (true)
        {
            var word = Volatile.Read(ref bucket);
            var count = Stamp(word) != stamp ? value
                : raise ? Math.Max(word & CountMask, value)
                : (word & CountMask) + value;
            var next = Pack(stamp, Math.Clamp(count, 0, CountMask));
            if (Interlocked.CompareExchange(ref bucket, next, word) == word)
            {
                return;
            }
        }
    }

    private long Now() => _time.GetUtcNow().UtcTicks / _bucketTicks;

    private int Slot(long number) => (int)(number % _buckets.Length);

    private static uint Truncate(long number) => unchecked((uint)number);

    private static uint Stamp(long word) => unchecked((uint)((ulong)word >> 32));

    private static long Pack(uint stamp, long count) => unchecked((long)(((ulong)stamp << 32) | (ulong)count));
}
