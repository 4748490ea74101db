using System.Diagnostics;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Operations;

/// <summary>SIGTERM (docker stop, systemd) to the real process with streams open.</summary>
[Category("Web")]
public sealed class GracefulShutdown
{
    [Test]
    public async Task EveryOpenStreamGetsALastLineAndEndsAndTheProcessExits()
    {
        await using var app = await AppProcess.Start();
        var (alice, bob) = await app.OpenPair();
        await using var _ = alice;
        await using var __ = bob;
        await using var waiting = await app.OpenChat("/three");
        await using var global = await app.OpenChat("/global");

        await waiting.WaitForLine(Notices.LookingForTwoStrangers);
        await global.WaitForLine("Welcome to global chat");
        var streams = new[] { alice, bob, waiting, global };

        var stopwatch = Stopwatch.StartNew();
        await app.Terminate();

        foreach (var stream in streams)
        {
            await stream.WaitForLine(Notices.ServerStopping);
            await stream.WaitForEnd();
            Assert.That(stream.LineTexts[^1], Is.EqualTo(Notices.ServerStopping));
            Assert.That(stream.Page.QuerySelector("i.hb.ended"), Is.Not.Null, "the page finished loading");
        }

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await app.WaitForExit(bound.Token);
        stopwatch.Stop();
        TestContext.Out.WriteLine($"SIGTERM to exit: {stopwatch.ElapsedMilliseconds} ms with {streams.Length} open streams");
        Assert.That(app.ExitCode, Is.Zero, string.Join("\n", app.Output));
    }
}
