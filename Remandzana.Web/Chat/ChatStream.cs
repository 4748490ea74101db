using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Remandzana.Domain.Lines;

namespace Remandzana.Web.Chat;

/// <summary>
/// A person's mailbox as the page sees it: every line as it arrives, a heartbeat whenever the
/// interval passes without one, and the end when the mailbox closes or the client goes away.
/// Waiting costs no thread and no polling.
/// </summary>
public static class ChatStream
{
    private enum Wake
    {
        LinesReady,
        Heartbeat,
        Ended,
    }

    public static async IAsyncEnumerable<StreamItem> Read(
        ChannelReader<Line> mailbox,
        TimeSpan heartbeat,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellation)
    {
        // The first heartbeat turns the connection light green at once.
        yield return StreamItem.Heartbeat;
        while (true)
        {
            while (mailbox.TryRead(out var line))
            {
                yield return new StreamItem(line);
            }

            switch (await WaitAsync(mailbox, heartbeat, time, cancellation))
            {
                case Wake.Ended:
                    yield break;
                case Wake.Heartbeat:
                    yield return StreamItem.Heartbeat;
                    break;
            }
        }
    }

    private static async Task<Wake> WaitAsync(ChannelReader<Line> mailbox, TimeSpan heartbeat, TimeProvider time, CancellationToken cancellation)
    {
        using var interval = new CancellationTokenSource(heartbeat, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(interval.Token, cancellation);
        try
        {
            return await mailbox.WaitToReadAsync(either.Token) ? Wake.LinesReady : Wake.Ended;
        }
        catch (OperationCanceledException)
        {
            return cancellation.IsCancellationRequested ? Wake.Ended : Wake.Heartbeat;
        }
    }
}
