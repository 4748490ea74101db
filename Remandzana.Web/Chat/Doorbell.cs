using System.Threading.Tasks.Sources;

namespace Remandzana.Web.Chat;

/// <summary>
/// What a waiting chat stream sleeps on: one reusable, allocation-free wait that the mailbox,
/// the shared heartbeat and the request's abort can all end. Whoever rings it does so on their
/// own thread and only signals; the stream then runs as one thread-pool work item, so a line
/// costs each viewer one hop. It replaces a timer, two cancellation sources and an exception per
/// heartbeat with a few interlocked operations.
/// </summary>
public sealed class Doorbell : IValueTaskSource
{
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private int _rung;
    private int _waiting;

    /// <summary>Which of the shared heartbeat's slots rings this doorbell.</summary>
    internal int HeartbeatSlot { get; set; }

    /// <summary>Adds a reason to wake and wakes the stream if it sleeps. Safe from any thread, any number of times.</summary>
    public void Ring(Wake reason)
    {
        Interlocked.Or(ref _rung, (int)reason);
        if (Interlocked.Exchange(ref _waiting, 0) == 1)
        {
            _core.SetResult(true);
        }
    }

    /// <summary>The mailbox's watcher: a line arrived, or the mailbox closed.</summary>
    public void LinesArrived() => Ring(Wake.Lines);

    /// <summary>Every reason rung since the last call, cleared.</summary>
    public Wake Take() => (Wake)Interlocked.Exchange(ref _rung, 0);

    /// <summary>Sleeps until the doorbell rings (returns at once if it already has). One waiter at a time.</summary>
    public ValueTask WaitAsync()
    {
        _core.Reset();
        Volatile.Write(ref _waiting, 1);
        if (Volatile.Read(ref _rung) != 0 && Interlocked.Exchange(ref _waiting, 0) == 1)
        {
            return ValueTask.CompletedTask;
        }

        return new ValueTask(this, _core.Version);
    }

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
