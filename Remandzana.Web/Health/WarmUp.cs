using System.Diagnostics;
using System.Runtime;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;

namespace Remandzana.Web.Health;

/// <summary>
/// Before the instance says it is ready, it talks to itself over loopback: a few pairs on /two
/// chat through the real pages, the real send form and the real grains, until the runtime has
/// compiled the hot paths to their final tier (or <see cref="WarmUpOptions.Seconds"/> pass). A
/// fresh process otherwise served its first half-minute of traffic from unoptimised and
/// instrumented code. Each pair shares an interest nobody else has, so no visitor meets them.
/// </summary>
public sealed partial class WarmUp(
    IServer server,
    IHostApplicationLifetime lifetime,
    Readiness readiness,
    IOptions<WarmUpOptions> options,
    WarmUpMark mark,
    ILogger<WarmUp> logger) : BackgroundService
{
    /// <summary>Compiling has settled when fewer methods than this were compiled in the last interval.</summary>
    private const int SettledCompilations = 10;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    /// <summary>Each stage of tiered compilation waits for a method's calls to be counted; a few seconds of sends are not enough to reach the last.</summary>
    private static readonly TimeSpan AtLeast = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stopping = stoppingToken;
        try
        {
            if (options.Value.Seconds == 0)
            {
                return;
            }

            await WhenStarted(stopping);
            if (LoopbackAddress() is not { } address)
            {
                LogSkipped("the server listens on no plain-HTTP address");
                return;
            }

            await Converse(address, stopping);
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            LogFailed(e.Message);
        }
        finally
        {
            readiness.MarkWarm();
        }
    }

    private async Task Converse(Uri address, CancellationToken stopping)
    {
        var started = Stopwatch.GetTimestamp();
        var compiledBefore = JitInfo.GetCompiledMethodCount();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.Value.Seconds));
        using var http = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Add(WarmUpMark.Header, mark.Value);
        var talkers = new List<WarmUpTalker>();
        try
        {
            for (var pair = 0; pair < options.Value.Pairs; pair++)
            {
                var query = $"?interests=warmup{RandomNumberGenerator.GetHexString(16, lowercase: true)}";
                foreach (var _ in new[] { 0, 1 })
                {
                    var talker = new WarmUpTalker(http, query);
                    talkers.Add(talker);
                    await talker.Open(deadline.Token);
                }
            }

            var talking = talkers.Select(talker => talker.Talk(deadline.Token)).ToList();
            await UntilCompilingSettles(started, deadline.Token);
            await deadline.CancelAsync();
            await Task.WhenAll(talking).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
        finally
        {
            foreach (var talker in talkers)
            {
                await talker.DisposeAsync();
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var messages = talkers.Sum(talker => talker.Sent);
        var compiled = JitInfo.GetCompiledMethodCount() - compiledBefore;
        LogWarm(seconds, messages, compiled);
    }

    private static async Task UntilCompilingSettles(long started, CancellationToken deadline)
    {
        var compiled = JitInfo.GetCompiledMethodCount();
        try
        {
            while (true)
            {
                await Task.Delay(Interval, deadline);
                var now = JitInfo.GetCompiledMethodCount();
                if (now - compiled < SettledCompilations && Stopwatch.GetElapsedTime(started) >= AtLeast)
                {
                    return;
                }

                compiled = now;
            }
        }
        catch (OperationCanceledException)
        {
            // The time allowed has run out: ready all the same.
        }
    }

    private async Task WhenStarted(CancellationToken stopping)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stopping);
    }

    /// <summary>The server's first plain-HTTP address, with a wildcard host read as loopback.</summary>
    private Uri? LoopbackAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var text in addresses)
        {
            var wildcard = text.Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal).Replace("://*:", "://127.0.0.1:", StringComparison.Ordinal);
            if (!Uri.TryCreate(wildcard, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                continue;
            }

            var host = uri.Host is "0.0.0.0" or "[::]" or "localhost" ? "127.0.0.1" : uri.Host;
            return new UriBuilder(uri) { Host = host, Path = "/" }.Uri;
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up in {Seconds:0.0} s: {Messages} messages through /send, {Compiled} methods compiled; ready")]
    private partial void LogWarm(double seconds, int messages, long compiled);

    [LoggerMessage(Level = LogLevel.Information, Message = "No warm-up ({Reason}); ready")]
    private partial void LogSkipped(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The warm-up failed ({Reason}); ready all the same")]
    private partial void LogFailed(string reason);
}
