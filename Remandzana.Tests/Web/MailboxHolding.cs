using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Web.Chat;

namespace Remandzana.Tests.Web;

/// <summary>A mailbox holds a stream's lines in order, up to its capacity, and costs an idle stream next to nothing.</summary>
[Category("Web")]
public sealed class MailboxHolding
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static SystemLine Line(int number) => new(NoticeKind.Joined, $"line {number}");

    private static List<string> ReadAll(Mailbox mailbox)
    {
        var texts = new List<string>();
        while (mailbox.Reader.TryRead(out var line))
        {
            texts.Add(((SystemLine)line).Text);
        }

        return texts;
    }

    [Test]
    public void LinesComeOutInTheOrderTheyWerePostedUpToTheCapacity()
    {
        var mailbox = new Mailbox(10);
        for (var i = 1; i <= 3; i++)
        {
            mailbox.Post(Line(i));
        }

        mailbox.Reader.TryRead(out _);
        mailbox.Reader.TryRead(out _);
        for (var i = 4; i <= 12; i++)
        {
            Assert.That(mailbox.Post(Line(i)), Is.True, $"line {i} fits");
        }

        Assert.That(mailbox.Post(Line(13)), Is.False, "a full mailbox says its reader has stalled");
        Assert.That(mailbox.Reader.Count, Is.EqualTo(10));
        Assert.That(ReadAll(mailbox), Is.EqualTo(Enumerable.Range(3, 10).Select(i => $"line {i}")));
    }

    [Test]
    public void AClosedMailboxDropsLinesSilentlyAndEndsOnceRead()
    {
        var mailbox = new Mailbox(4);
        mailbox.Post(Line(1));
        mailbox.Close();

        Assert.That(mailbox.Post(Line(2)), Is.True, "no one is told of a stall after the end");
        Assert.That(mailbox.IsClosed, Is.True);
        Assert.That(mailbox.Reader.Completion.IsCompleted, Is.False, "a line is still to be shown");
        Assert.That(ReadAll(mailbox), Is.EqualTo(new[] { "line 1" }));
        Assert.That(mailbox.Reader.IsEnded, Is.True);
        Assert.That(mailbox.Reader.Completion.IsCompleted, Is.True);
    }

    [Test]
    public void AnIdleMailboxAllocatesItsRingOnlyWithItsFirstLine()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var mailbox = new Mailbox(256);
        var idle = GC.GetAllocatedBytesForCurrentThread() - before;
        mailbox.Post(Line(1));

        Assert.That(idle, Is.LessThan(256), "a mailbox that waits costs a few fields, not its capacity or a channel");
        Assert.That(mailbox.Reader.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task ReadAsAChannelItWaitsForLinesAndEndsWhenClosed()
    {
        var mailbox = new Mailbox(4);
        var waiting = mailbox.Reader.WaitToReadAsync().AsTask();
        Assert.That(waiting.IsCompleted, Is.False);

        mailbox.Post(Line(1));
        Assert.That(await waiting.WaitAsync(Patience), Is.True);
        var reading = Task.Run(async () =>
        {
            var texts = new List<string>();
            await foreach (var line in mailbox.Reader.ReadAllAsync())
            {
                texts.Add(((SystemLine)line).Text);
            }

            return texts;
        });
        mailbox.Post(Line(2));
        mailbox.Close();

        Assert.That(await reading.WaitAsync(Patience), Is.EqualTo(new[] { "line 1", "line 2" }));
        await mailbox.Reader.Completion.WaitAsync(Patience);
    }

    [Test]
    public void AWaitThatIsCancelledEndsWithoutALine()
    {
        var mailbox = new Mailbox(4);
        using var cancel = new CancellationTokenSource();
        var waiting = mailbox.Reader.WaitToReadAsync(cancel.Token).AsTask();

        cancel.Cancel();

        Assert.That(async () => await waiting.WaitAsync(Patience), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(mailbox.Post(Line(1)), Is.True);
        Assert.That(mailbox.Reader.WaitToReadAsync(cancel.Token).AsTask().IsCompletedSuccessfully, Is.True, "a waiting line answers at once");
    }
}
