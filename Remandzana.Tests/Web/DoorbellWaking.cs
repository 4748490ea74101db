using System.Threading.Channels;
using Remandzana.Domain.Lines;
using Remandzana.Web.Chat;

namespace Remandzana.Tests.Web;

/// <summary>A waiting chat stream sleeps on a doorbell; every reason to wake must wake it, and none may be lost.</summary>
[Category("Web")]
public sealed class DoorbellWaking
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task ALineInTheMailboxWakesTheStream()
    {
        var mailbox = Channel.CreateUnbounded<Line>();
        var doorbell = new Doorbell(mailbox.Reader);

        var waiting = doorbell.WaitAsync().AsTask();
        Assert.That(waiting.IsCompleted, Is.False, "nothing has happened yet");
        mailbox.Writer.TryWrite(new SystemLine(NoticeKind.Found, "hi"));
        await waiting.WaitAsync(Patience);

        Assert.That(doorbell.Take(), Is.EqualTo(Wake.Lines));
    }

    [Test]
    public async Task ARingBeforeTheWaitIsNotLost()
    {
        var doorbell = new Doorbell(Channel.CreateUnbounded<Line>().Reader);

        doorbell.Ring(Wake.Heartbeat);
        await doorbell.WaitAsync().AsTask().WaitAsync(Patience);

        Assert.That(doorbell.Take(), Is.EqualTo(Wake.Heartbeat));
    }

    [Test]
    public async Task ReasonsPileUpUntilTaken()
    {
        var mailbox = Channel.CreateUnbounded<Line>();
        var doorbell = new Doorbell(mailbox.Reader);

        var waiting = doorbell.WaitAsync().AsTask();
        doorbell.Ring(Wake.Heartbeat);
        doorbell.Ring(Wake.Aborted);
        await waiting.WaitAsync(Patience);

        Assert.That(doorbell.Take(), Is.EqualTo(Wake.Heartbeat | Wake.Aborted));
        Assert.That(doorbell.Take(), Is.EqualTo(Wake.None));
    }

    [Test]
    public async Task AClosedEmptyMailboxSaysTheConversationIsOver()
    {
        var mailbox = Channel.CreateUnbounded<Line>();
        var doorbell = new Doorbell(mailbox.Reader);

        var waiting = doorbell.WaitAsync().AsTask();
        mailbox.Writer.Complete();
        await waiting.WaitAsync(Patience);

        Assert.That(doorbell.Take(), Is.EqualTo(Wake.Closed));
    }

    [Test]
    public async Task OneDoorbellServesManyWaitsWhileHeartbeatsAndLinesInterleave()
    {
        var mailbox = Channel.CreateBounded<Line>(8);
        var doorbell = new Doorbell(mailbox.Reader);
        var lines = 0;
        var beats = 0;

        var reader = Task.Run(async () =>
        {
            while (lines < 500 || beats < 500)
            {
                await doorbell.WaitAsync();
                var wake = doorbell.Take();
                while (mailbox.Reader.TryRead(out _))
                {
                    lines++;
                }

                beats += (wake & Wake.Heartbeat) != 0 ? 1 : 0;
            }
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 500; i++)
        {
            await mailbox.Writer.WriteAsync(new SystemLine(NoticeKind.Joined, "x"));
            doorbell.Ring(Wake.Heartbeat);
            while (Volatile.Read(ref beats) <= i && !reader.IsCompleted)
            {
                if (clock.Elapsed > Patience)
                {
                    Assert.Fail($"The stream stopped waking after {beats} heartbeats and {lines} lines.");
                }

                await Task.Yield();
            }
        }

        await reader.WaitAsync(Patience);
        Assert.That((lines, beats), Is.EqualTo((500, 500)));
    }
}
