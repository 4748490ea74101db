using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
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
        var mailbox = new Mailbox(8);
        var doorbell = new Doorbell();
        mailbox.Reader.Watch(doorbell.LinesArrived);

        var waiting = doorbell.WaitAsync().AsTask();
        Assert.That(waiting.IsCompleted, Is.False, "nothing has happened yet");
        mailbox.Post(new SystemLine(NoticeKind.Found, "hi"));
        await waiting.WaitAsync(Patience);

        Assert.That(doorbell.Take(), Is.EqualTo(Wake.Lines));
    }

    [Test]
    public void APostedLineRingsTheDoorbellBeforePostReturnsSoTheStreamIsOneHopAway()
    {
        var mailbox = new Mailbox(8);
        var doorbell = new Doorbell();
        mailbox.Reader.Watch(doorbell.LinesArrived);

        mailbox.Post(new SystemLine(NoticeKind.Found, "hi"));

        Assert.That(doorbell.Take(), Is.EqualTo(Wake.Lines), "the mailbox rang on the sender's thread, not from a hop of its own");
    }

    [Test]
    public async Task ARingBeforeTheWaitIsNotLost()
    {
        var doorbell = new Doorbell();

        doorbell.Ring(Wake.Heartbeat);
        await doorbell.WaitAsync().AsTask().WaitAsync(Patience);

        Assert.That(doorbell.Take(), Is.EqualTo(Wake.Heartbeat));
    }

    [Test]
    public async Task ReasonsPileUpUntilTaken()
    {
        var doorbell = new Doorbell();

        var waiting = doorbell.WaitAsync().AsTask();
        doorbell.Ring(Wake.Heartbeat);
        doorbell.Ring(Wake.Aborted);
        await waiting.WaitAsync(Patience);

        Assert.That(doorbell.Take(), Is.EqualTo(Wake.Heartbeat | Wake.Aborted));
        Assert.That(doorbell.Take(), Is.EqualTo(Wake.None));
    }

    [Test]
    public async Task AClosedMailboxWakesTheStreamAndEndsItOnceItsLinesAreRead()
    {
        var mailbox = new Mailbox(8);
        var doorbell = new Doorbell();
        mailbox.Reader.Watch(doorbell.LinesArrived);
        mailbox.Post(new SystemLine(NoticeKind.Left, "bye"));
        doorbell.Take();

        var waiting = doorbell.WaitAsync().AsTask();
        mailbox.Close();
        await waiting.WaitAsync(Patience);

        Assert.That(doorbell.Take(), Is.EqualTo(Wake.Lines));
        Assert.That(mailbox.Reader.IsEnded, Is.False, "a line is still to be shown");
        Assert.That(mailbox.Reader.TryRead(out _), Is.True);
        Assert.That(mailbox.Reader.IsEnded, Is.True);
    }

    [Test]
    public async Task OneDoorbellServesManyWaitsWhileHeartbeatsAndLinesInterleave()
    {
        var mailbox = new Mailbox(8);
        var doorbell = new Doorbell();
        mailbox.Reader.Watch(doorbell.LinesArrived);
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
            Assert.That(mailbox.Post(new SystemLine(NoticeKind.Joined, "x")), Is.True, "the reader keeps up: one line at a time");
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
