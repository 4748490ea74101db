using System.Buffers;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;

namespace Remandzana.Web.Chat;

/// <summary>
/// One timer for every open chat stream. Streams are spread over a few slots; each tick rings
/// one slot's doorbells, so every stream gets a heartbeat once per interval and the work comes
/// in small even steps instead of one timer (and its allocations) per stream per wait.
/// </summary>
public sealed class Heartbeats : IDisposable
{
    private const int SlotCount = 6;

    private readonly HashSet<Doorbell>[] _slots;
    private readonly ITimer _timer;
    private long _joined;
    private long _ticks;
    private int _ticking;

    public Heartbeats(IOptions<ChatOptions> options, TimeProvider time)
    {
        _slots = new HashSet<Doorbell>[SlotCount];
        for (var i = 0; i < SlotCount; i++)
        {
            _slots[i] = [];
        }

        var period = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds) / SlotCount;
        _timer = time.CreateTimer(static state => ((Heartbeats)state!).Tick(), this, period, period);
    }

    /// <summary>Rings <paramref name="doorbell"/> with <see cref="Wake.Heartbeat"/> once per interval until <see cref="Unsubscribe"/>.</summary>
    public void Subscribe(Doorbell doorbell)
    {
        doorbell.HeartbeatSlot = (int)((ulong)Interlocked.Increment(ref _joined) % SlotCount);
        var slot = _slots[doorbell.HeartbeatSlot];
        lock (slot)
        {
            slot.Add(doorbell);
        }
    }

    public void Unsubscribe(Doorbell doorbell)
    {
        var slot = _slots[doorbell.HeartbeatSlot];
        lock (slot)
        {
            slot.Remove(doorbell);
        }
    }

    private void Tick()
    {
        // A slow tick must not overlap the next one.
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return;
        }

        try
        {
            var slot = _slots[(int)((ulong)Interlocked.Increment(ref _ticks) % SlotCount)];
            Doorbell[] due;
            int count;
            lock (slot)
            {
                count = slot.Count;
                due = ArrayPool<Doorbell>.Shared.Rent(Math.Max(count, 1));
                slot.CopyTo(due);
            }

            for (var i = 0; i < count; i++)
            {
                due[i].Ring(Wake.Heartbeat);
            }

            ArrayPool<Doorbell>.Shared.Return(due, clearArray: true);
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }

    public void Dispose() => _timer.Dispose();
}
