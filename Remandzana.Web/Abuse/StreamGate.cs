using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Remandzana.Domain.People;
using Remandzana.Web.Options;

namespace Remandzana.Web.Abuse;

/// <summary>
/// Admits chat streams: at most so many on the site, so many open per address, and so many
/// new ones per address per minute, an address being its <see cref="AddressBlock"/> (an IPv6
/// /64 counts as one). Each admitted stream holds a lease until it ends.
/// </summary>
public sealed class StreamGate : IDisposable
{
    private readonly LimitsOptions _limits;
    private readonly ConcurrentDictionary<AddressBlock, int> _openPerAddress = new();
    private readonly PartitionedRateLimiter<AddressBlock> _newPerAddress;
    private int _open;

    public StreamGate(IOptions<LimitsOptions> limits)
    {
        _limits = limits.Value;
        _newPerAddress = PartitionedRateLimiter.Create<AddressBlock, AddressBlock>(block =>
            RateLimitPartition.GetSlidingWindowLimiter(block, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = _limits.NewStreamsPerAddressPerMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
            }));
    }

    public StreamRefusal TryEnter(IPAddress? address, out IDisposable? lease)
    {
        lease = null;
        if (Interlocked.Increment(ref _open) > _limits.MaxStreams)
        {
            Interlocked.Decrement(ref _open);
            return StreamRefusal.SiteFull;
        }

        if (!_limits.PerAddressLimitsEnabled || address is null)
        {
            lease = new Lease(this, null);
            return StreamRefusal.None;
        }

        var block = AddressBlock.Of(address, _limits.IPv6PrefixLength);
        var open = _openPerAddress.AddOrUpdate(block, 1, (_, count) => count + 1);
        if (open > _limits.StreamsPerAddress)
        {
            Release(block);
            return StreamRefusal.TooManyOpen;
        }

        using var permit = _newPerAddress.AttemptAcquire(block);
        if (!permit.IsAcquired)
        {
            Release(block);
            return StreamRefusal.TooManyNew;
        }

        lease = new Lease(this, block);
        return StreamRefusal.None;
    }

    private void Release(AddressBlock? block)
    {
        Interlocked.Decrement(ref _open);
        if (block is not { } counted)
        {
            return;
        }

        // Drop the entry when it reaches zero, unless another stream of the block raced in.
        if (_openPerAddress.AddOrUpdate(counted, 0, (_, count) => count - 1) <= 0)
        {
            _openPerAddress.TryRemove(KeyValuePair.Create(counted, 0));
        }
    }

    public void Dispose() => _newPerAddress.Dispose();

    private sealed class Lease(StreamGate gate, AddressBlock? block) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release(block);
            }
        }
    }
}
