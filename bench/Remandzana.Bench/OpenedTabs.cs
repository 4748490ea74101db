namespace Remandzana.Bench;

/// <summary>What <see cref="Opening.Many"/> achieved: the open tabs, the failures and their reasons, how long opening took.</summary>
public sealed record OpenedTabs(IReadOnlyList<Tab> Tabs, int Failed, Latencies OpenTimes, TimeSpan Elapsed, IReadOnlyDictionary<string, int> Errors)
{
    public string FirstError => Errors.Count == 0 ? "none" : Errors.MaxBy(error => error.Value).Key.Replace(';', ',');

    public static async Task CloseAll(IEnumerable<Tab> tabs) =>
        await Parallel.ForEachAsync(tabs, new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (tab, _) => await tab.DisposeAsync());
}
