using Remandzana.Bench;

// Acts like many browsers with scripts off against any Remandzana server on this machine.
// Usage: dotnet Remandzana.Bench.dll SCENARIO --base http://127.0.0.1:PORT[,http://127.0.0.1:PORT2…] [--server-pid PID[,PID2…]] [options]
// Scenarios: pairs, idle, ramp, global, floor, churn, interests (see bench/README.md).
BenchArgs bench;
try
{
    bench = BenchArgs.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

switch (bench.Scenario)
{
    case "floor-server":
        await FloorServer.Run(bench);
        return 0;
    case "hold-worker":
        await HoldWorker.Run(bench);
        return 0;
}

var report = new Report(bench);
report.Add("scenario", bench.Scenario);
report.Add("base", bench.Scenario == "floor" ? "floor (bare Kestrel started by the bench)" : string.Join(",", bench.Bases));
report.Add("load_at_start", ServerProbe.Load());
Func<Task> run = bench.Scenario switch
{
    "pairs" => () => PairsScenario.Run(bench, report),
    "idle" => () => IdleScenario.Run(bench, report),
    "ramp" => () => RampScenario.Run(bench, report),
    "global" => () => GlobalScenario.Run(bench, report),
    "floor" => () => FloorScenario.Run(bench, report),
    "churn" => () => ChurnScenario.Run(bench, report),
    "interests" => () => InterestsScenario.Run(bench, report),
    _ => () => throw new ArgumentException($"Unknown scenario '{bench.Scenario}'."),
};

try
{
    await run();
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

report.Add("load_at_end", ServerProbe.Load());
if (!bench.Flag("no-record"))
{
    report.Append(bench.Scenario == "floor" ? [] : bench.ServerPids);
}

return 0;
