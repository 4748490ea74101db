using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;

namespace Remandzana.Bench;

/// <summary>The parent's side of <see cref="HoldWorker"/>: several child processes that together hold many streams.</summary>
public sealed class HoldWorkers : IAsyncDisposable
{
    private readonly List<Process> _children = [];

    /// <param name="sourcePerWorker">Each worker connects from its own loopback address, 127.0.0.2, 127.0.0.3, …: see <see cref="SourceOf"/>.</param>
    public HoldWorkers(Uri baseAddress, string path, int count, bool sourcePerWorker = false)
    {
        var bench = Assembly.GetEntryAssembly()!.Location;
        for (var i = 0; i < count; i++)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { bench, "hold-worker", "--base", baseAddress.ToString(), "--path", path })
            {
                start.ArgumentList.Add(argument);
            }

            if (sourcePerWorker)
            {
                start.ArgumentList.Add("--source");
                start.ArgumentList.Add(SourceOf(i).ToString());
            }

            _children.Add(Process.Start(start) ?? throw new InvalidOperationException("Could not start a hold worker."));
        }
    }

    public int Count => _children.Count;

    /// <summary>
    /// Worker <paramref name="index"/>'s source address with <c>--source-per-worker</c>: 127.0.0.(2 + index).
    /// More streams than one address has ephemeral ports (about 28,000) to one proxy then still connect.
    /// </summary>
    public static IPAddress SourceOf(int index) =>
        index is >= 0 and < 250 ? new IPAddress([127, 0, 0, (byte)(2 + index)]) : throw new ArgumentException("--source-per-worker allows at most 250 workers.");

    /// <summary>Opens <paramref name="total"/> more streams, split evenly across the workers.</summary>
    public async Task<(int Opened, int Failed, double P99OpenMs, string FirstError)> Open(int total, int concurrency)
    {
        var answers = await Task.WhenAll(_children.Select(async (child, i) =>
        {
            var share = (total / _children.Count) + (i < total % _children.Count ? 1 : 0);
            return await Ask(child, $"open {share} {Math.Max(1, concurrency / _children.Count)}");
        }));
        var opened = answers.Sum(answer => int.Parse(answer[1], CultureInfo.InvariantCulture));
        var failed = answers.Sum(answer => int.Parse(answer[2], CultureInfo.InvariantCulture));
        var p99 = answers.Max(answer => double.Parse(answer[4], CultureInfo.InvariantCulture));
        var error = answers.Select(answer => string.Join(' ', answer.Skip(5))).FirstOrDefault(text => text != "none") ?? "none";
        return (opened, failed, p99, error);
    }

    public async Task<(int Alive, int Ended, long Heartbeats)> Status()
    {
        var answers = await Task.WhenAll(_children.Select(child => Ask(child, "status")));
        return (answers.Sum(a => int.Parse(a[1], CultureInfo.InvariantCulture)),
            answers.Sum(a => int.Parse(a[2], CultureInfo.InvariantCulture)),
            answers.Sum(a => long.Parse(a[3], CultureInfo.InvariantCulture)));
    }

    private static async Task<string[]> Ask(Process child, string command)
    {
        await child.StandardInput.WriteLineAsync(command);
        await child.StandardInput.FlushAsync();
        var answer = await child.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("A hold worker exited.");
        return answer.Split(' ');
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var child in _children)
        {
            try
            {
                await child.StandardInput.WriteLineAsync("stop");
                await child.StandardInput.FlushAsync();
            }
            catch (IOException)
            {
            }
        }

        foreach (var child in _children)
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await child.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                child.Kill(entireProcessTree: true);
            }

            child.Dispose();
        }
    }
}
