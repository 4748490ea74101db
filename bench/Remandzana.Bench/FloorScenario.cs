using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Remandzana.Bench;

/// <summary>
/// Starts <see cref="FloorServer"/> as a separate process (pinned with taskset when
/// <c>--server-cpus</c> is given) and runs the idle and pairs measurements against it.
/// </summary>
public static class FloorScenario
{
    public static async Task Run(BenchArgs args, Report report)
    {
        var port = args.Integer("port", 5391);
        var cpus = args.OptionalString("server-cpus");
        var bench = Assembly.GetEntryAssembly()!.Location;
        var start = new ProcessStartInfo(cpus is null ? Environment.ProcessPath! : "taskset") { UseShellExecute = false, RedirectStandardOutput = true };
        if (cpus is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(cpus);
            start.ArgumentList.Add(Environment.ProcessPath!);
        }

        foreach (var argument in new[] { bench, "floor-server", "--port", port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var server = Process.Start(start) ?? throw new InvalidOperationException("Could not start the floor server.");
        try
        {
            var floor = new Uri($"http://127.0.0.1:{port}");
            await WaitUntilUp(floor);
            var pid = server.Id.ToString(CultureInfo.InvariantCulture);
            report.NoteServer(server.Id);
            var at = args.With("base", floor.ToString()).With("server-pid", pid);
            await IdleScenario.Run(at, report, "idle.");
            await PairsScenario.Run(at, report, "pairs.");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static async Task WaitUntilUp(Uri floor)
    {
        using var http = new HttpClient { BaseAddress = floor, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var _ = await http.GetAsync("/up");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        throw new InvalidOperationException("The floor server did not start.");
    }
}
