using System.Threading.Channels;
using System.Threading.Tasks.Sources;
using Remandzana.Domain.Lines;

namespace Remandzana.Web.Chat;

/// <summary>
/// What a waiting chat stream sleeps on: one reusable, allocation-free wait that the mailbox,
/// the shared heartbeat and the request's abort can all end. It replaces a timer, two
/// cancellation sources and an exception per heartbeat with a few interlocked operations.
/// </summary>
public sealed class Doorbell : IValueTaskSource
{
    private readonly ChannelReader<Line> _mailbox;
    private readonly Action _mailboxReady;
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private ValueTask<bool> _watch;
    private int _rung;
    private int _waiting;
    private int _watching;

    public Doorbell(ChannelReader<Line> mailbox)
    {
        _mailbox = mailbox;
        _mailboxReady = MailboxReady;
    }

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

    /// <summary>Every reason rung since the last call, cleared.</summary>
    public Wake Take() => (Wake)Interlocked.Exchange(ref _rung, 0);

    /// <summary>Sleeps until the doorbell rings (returns at once if it already has). One waiter at a time.</summary>
    public ValueTask WaitAsync()
    {
        WatchMailbox();
        _core.Reset();
        Volatile.Write(ref _waiting, 1);
        if (Volatile.Read(ref _rung) != 0 && Interlocked.Exchange(ref _waiting, 0) == 1)
        {
            return ValueTask.CompletedTask;
        }

        return new ValueTask(this, _core.Version);
    }

    /// <summary>Keeps one mailbox wait outstanding; it rings the doorbell when lines arrive or the mailbox closes.</summary>
    private void WatchMailbox()
    {
        if (Interlocked.Exchange(ref _watching, 1) == 1)
        {
            return;
        }

        // No cancellation token: the channel then reuses one waiter instead of allocating one per wait.
        // The ValueTask is kept to be consumed exactly once, in MailboxReady.
#pragma warning disable CA2012
        _watch = _mailbox.WaitToReadAsync(CancellationToken.None);
#pragma warning restore CA2012
        if (_watch.IsCompleted)
        {
            MailboxReady();
        }
        else
        {
            _watch.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_mailboxReady);
        }
    }

    private void MailboxReady()
    {
        bool more;
        try
        {
            more = _watch.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            more = false;
        }

        _watch = default;
        Volatile.Write(ref _watching, 0);
        Ring(more ? Wake.Lines : Wake.Closed);
    }

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
