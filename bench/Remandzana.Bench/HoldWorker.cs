using System.Globalization;
using System.Net;

namespace Remandzana.Bench;

/// <summary>
/// A child process that holds open chat pages for <see cref="HoldWorkers"/>: a process may open
/// only about 20,000 files here, so many thousands of streams need more than one process.
/// With <c>--source ADDRESS</c> its connections come from that loopback address.
/// Commands on stdin: <c>open COUNT CONCURRENCY</c>, <c>status</c>, <c>stop</c>; one answer line each.
/// </summary>
public static class HoldWorker
{
    public static async Task Run(BenchArgs args)
    {
        var path = args.Text("path", "/two");
        var limit = TimeSpan.FromSeconds(args.Integer("max-seconds", 1800));
        var source = args.OptionalString("source") is { } address ? IPAddress.Parse(address) : null;
        if (source is not null && !IPAddress.IsLoopback(source))
        {
            throw new ArgumentException("--source must be a loopback address (127.0.0.0/8).");
        }

        using var http = Browsers.Client(args.Base, source);
        var tabs = new List<Tab>();
        using var deadline = new CancellationTokenSource(limit);
        while (!deadline.IsCancellationRequested)
        {
            string? command;
            try
            {
                command = await Console.In.ReadLineAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (command is null or "stop")
            {
                break;
            }

            var parts = command.Split(' ');
            switch (parts[0])
            {
                case "open":
                    var opened = await Opening.Many(http, path, int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture), TimeSpan.FromSeconds(60), tabs.Count);
                    foreach (var tab in opened.Tabs)
                    {
                        tab.StartReading();
                        tabs.Add(tab);
                    }

                    Answer($"opened {opened.Tabs.Count} {opened.Failed} {opened.Elapsed.TotalMilliseconds:0} {opened.OpenTimes.Percentile(99):0.#} {opened.FirstError}");
                    break;
                case "status":
                    Answer($"status {tabs.Count(tab => !tab.Ended)} {tabs.Count(tab => tab.Ended)} {tabs.Sum(tab => (long)tab.Heartbeats)}");
                    break;
                default:
                    Answer($"error unknown command {parts[0]}");
                    break;
            }
        }

        await OpenedTabs.CloseAll(tabs);
        Answer("stopped");
    }

    private static void Answer(string line)
    {
        Console.Out.WriteLine(FormattableString.Invariant($"{line}"));
        Console.Out.Flush();
    }
}
