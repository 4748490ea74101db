using System.Diagnostics;
using System.Globalization;

namespace Remandzana.Bench;

/// <summary>
/// The server's live managed heap, from a gcdump (dotnet-gcdump forces a full collection and
/// lists what survives): total bytes, and how many Person objects are still alive. Needs no
/// endpoint on the server; without the tool it reports nothing.
/// </summary>
public sealed class HeapProbe(string? tool, int? pid)
{
    public string Source => tool is null || pid is null ? "none (pass --gcdump PATH-TO-dotnet-gcdump and --server-pid)" : "dotnet-gcdump";

    public async Task<(double Bytes, long Persons)> Measure()
    {
        if (tool is null || pid is null)
        {
            return (double.NaN, -1);
        }

        var file = Path.Combine(Path.GetTempPath(), $"remandzana-bench-{Guid.NewGuid():N}.gcdump");
        try
        {
            await RunTool("collect", "-p", pid.Value.ToString(CultureInfo.InvariantCulture), "-o", file);
            var report = await RunTool("report", file);
            double bytes = double.NaN;
            long persons = 0;
            foreach (var line in report.Split('\n'))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (line.Contains("GC Heap bytes", StringComparison.Ordinal))
                {
                    bytes = double.Parse(fields[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                }
                else if (fields.Length >= 3 && fields[2] == "Remandzana.Domain.People.Person")
                {
                    persons += long.Parse(fields[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                }
            }

            return (bytes, persons);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<string> RunTool(params string[] arguments)
    {
        var start = new ProcessStartInfo(tool!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(patience.Token);
        return await output;
    }
}
