using System; using System.Collections.Generic; using System.Linq;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;
var sums = new Dictionary<string, long>();
long total = 0;
using (var source = new EventPipeEventSource(args[0]))
{
    source.Clr.GCAllocationTick += (GCAllocationTickTraceData e) =>
    {
        var name = e.TypeName ?? "?";
        sums[name] = sums.GetValueOrDefault(name) + e.AllocationAmount64;
        total += e.AllocationAmount64;
    };
    source.Process();
}
double per = args.Length > 1 ? double.Parse(args[1]) : 1;
Console.WriteLine($"total {total / per:F0} B per unit");
foreach (var (k, v) in sums.OrderByDescending(p => p.Value).Take(int.Parse(args.Length > 2 ? args[2] : "40")))
    Console.WriteLine($"{v / per,10:F0}  {k}");
