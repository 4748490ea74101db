using System.Threading.Channels;
using Remandzana.Domain.Lines;

namespace Remandzana.Web.Chat;

/// <summary>
/// The lines waiting for one person's stream. Bounded: a reader that stops reading never
/// slows a sender; its mailbox reports the overflow and the stream is dropped.
/// A new line wakes the stream's one watcher on the posting thread (the watcher only signals),
/// so a line costs its viewer one thread-pool hop, not one to wake a channel reader and another
/// to wake the stream. Its ring is allocated by the first line, not by an idle stream.
/// </summary>
public sealed class Mailbox
{
    private readonly Lock _gate = new();
    private Ring<Line> _lines;
    private Action? _watcher;
    private List<TaskCompletionSource<bool>>? _waiters;
    private TaskCompletionSource? _ended;

    public Mailbox(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _lines = new Ring<Line>(capacity);
        Reader = new StreamEnd(this);
    }

    /// <summary>The stream's end: the lines in order, and the end once the mailbox is closed and read.</summary>
    public StreamEnd Reader { get; }

    public bool IsClosed { get; private set; }

    /// <returns>False when the mailbox is full (the reader has stalled); a closed mailbox drops lines silently.</returns>
    public bool Post(Line line)
    {
        Action? watcher;
        List<TaskCompletionSource<bool>>? waiters;
        lock (_gate)
        {
            if (IsClosed)
            {
                return true;
            }

            if (!_lines.TryAdd(line))
            {
                return false;
            }

            watcher = _watcher;
            waiters = _waiters;
            _waiters = null;
        }

        watcher?.Invoke();
        Release(waiters, true);
        return true;
    }

    /// <summary>No more lines: the stream writes what is left and ends.</summary>
    public void Close()
    {
        Action? watcher;
        List<TaskCompletionSource<bool>>? waiters;
        bool more;
        lock (_gate)
        {
            if (IsClosed)
            {
                return;
            }

            IsClosed = true;
            more = _lines.Count > 0;
            if (!more)
            {
                _ended?.TrySetResult();
            }

            watcher = _watcher;
            waiters = _waiters;
            _waiters = null;
        }

        watcher?.Invoke();
        Release(waiters, more);
    }

    private static void Release(List<TaskCompletionSource<bool>>? waiters, bool more)
    {
        foreach (var waiter in waiters ?? [])
        {
            waiter.TrySetResult(more);
        }
    }

    /// <summary>
    /// The reading side. The stream <see cref="Watch"/>es it and reads with <see cref="TryRead"/>; the
    /// <see cref="ChannelReader{T}"/> waits are there for other readers (tests, tools) and allocate.
    /// </summary>
    public sealed class StreamEnd : ChannelReader<Line>
    {
        private readonly Mailbox _mailbox;

        internal StreamEnd(Mailbox mailbox) => _mailbox = mailbox;

        /// <summary>The mailbox is closed and every line in it was read: the conversation is over for this stream.</summary>
        public bool IsEnded
        {
            get
            {
                lock (_mailbox._gate)
                {
                    return _mailbox.IsClosed && _mailbox._lines.Count == 0;
                }
            }
        }

        /// <summary>
        /// Calls <paramref name="watcher"/> on the posting thread after every line and when the mailbox
        /// closes, until it is replaced or cleared (null). It must only signal (it runs inside a
        /// sender's turn) and must not throw. Lines already waiting are not announced: read them first.
        /// </summary>
        public void Watch(Action? watcher)
        {
            lock (_mailbox._gate)
            {
                _mailbox._watcher = watcher;
            }
        }

        /// <summary>Stops calling <paramref name="watcher"/>, unless another watcher replaced it.</summary>
        public void Unwatch(Action watcher)
        {
            lock (_mailbox._gate)
            {
                if (_mailbox._watcher == watcher)
                {
                    _mailbox._watcher = null;
                }
            }
        }

        public override bool TryRead(out Line item)
        {
            lock (_mailbox._gate)
            {
                if (!_mailbox._lines.TryTake(out item))
                {
                    return false;
                }

                if (_mailbox.IsClosed && _mailbox._lines.Count == 0)
                {
                    _mailbox._ended?.TrySetResult();
                }

                return true;
            }
        }

        public override bool CanPeek => true;

        public override bool TryPeek(out Line item)
        {
            lock (_mailbox._gate)
            {
                return _mailbox._lines.TryPeek(out item);
            }
        }

        public override bool CanCount => true;

        public override int Count
        {
            get
            {
                lock (_mailbox._gate)
                {
                    return _mailbox._lines.Count;
                }
            }
        }

        public override Task Completion
        {
            get
            {
                lock (_mailbox._gate)
                {
                    if (_mailbox.IsClosed && _mailbox._lines.Count == 0)
                    {
                        return Task.CompletedTask;
                    }

                    return (_mailbox._ended ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                }
            }
        }

        public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
        {
            TaskCompletionSource<bool> waiter;
            lock (_mailbox._gate)
            {
                if (_mailbox._lines.Count > 0)
                {
                    return new ValueTask<bool>(true);
                }

                if (_mailbox.IsClosed)
                {
                    return new ValueTask<bool>(false);
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    return ValueTask.FromCanceled<bool>(cancellationToken);
                }

                waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                (_mailbox._waiters ??= []).Add(waiter);
            }

            return cancellationToken.CanBeCanceled ? new ValueTask<bool>(Cancellable(waiter, cancellationToken)) : new ValueTask<bool>(waiter.Task);
        }

        private async Task<bool> Cancellable(TaskCompletionSource<bool> waiter, CancellationToken cancellationToken)
        {
            try
            {
                return await waiter.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                lock (_mailbox._gate)
                {
                    _mailbox._waiters?.Remove(waiter);
                }

                throw;
            }
        }
    }
}
