using System.Threading.Channels;
using Remandzana.Domain.Lines;

namespace Remandzana.Web.Chat;

/// <summary>
/// The lines waiting for one person's stream. Bounded: a reader that stops reading never
/// slows a sender; its mailbox reports the overflow and the stream is dropped.
/// </summary>
public sealed class Mailbox
{
    private readonly Channel<Line> _channel;

    public Mailbox(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _channel = Channel.CreateBounded<Line>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = false,
        });
    }

    public ChannelReader<Line> Reader => _channel.Reader;

    public bool IsClosed { get; private set; }

    /// <returns>False when the mailbox is full (the reader has stalled); a closed mailbox drops lines silently.</returns>
    public bool Post(Line line)
    {
        if (_channel.Writer.TryWrite(line))
        {
            return true;
        }

        return IsClosed;
    }

    /// <summary>No more lines: the stream writes what is left and ends.</summary>
    public void Close()
    {
        IsClosed = true;
        _channel.Writer.TryComplete();
    }
}
