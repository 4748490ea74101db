using System.Diagnostics;

namespace Remandzana.Bench;

/// <summary>
/// Opens pairs of /two pages on several instances of one scaled-out site so that the two members
/// of each pair are streamed by different instances: pair p's first member on instance p mod N,
/// its partner on the next instance in the list. One pair at a time, so that the lobby (shared
/// through the backplane) pairs exactly those two: the first member has been admitted (its
/// preamble has arrived, so it is waiting) before its partner opens, and the partner has been
/// admitted before the next pair begins.
/// </summary>
public static class PairOpening
{
    public static async Task<OpenedTabs> AcrossInstances(IReadOnlyList<HttpClient> instances, string path, int pairs, TimeSpan patience)
    {
        var tabs = new List<Tab>(pairs * 2);
        var errors = new Dictionary<string, int>();
        var times = new Latencies();
        var failed = 0;
        var started = Stopwatch.GetTimestamp();
        for (var pair = 0; pair < pairs; pair++)
        {
            var home = pair % instances.Count;
            var partnerHome = (home + 1) % instances.Count;
            var first = await TryOpen(instances[home], path, pair * 2, home);
            if (first is null)
            {
                // Its partner is not opened either: alone in the lobby it would meet the next pair's first member.
                continue;
            }

            var second = await TryOpen(instances[partnerHome], path, (pair * 2) + 1, partnerHome);
            if (second is null)
            {
                await first.DisposeAsync();
                continue;
            }

            tabs.Add(first);
            tabs.Add(second);
        }

        return new OpenedTabs(tabs, failed, times, Stopwatch.GetElapsedTime(started), errors);

        async Task<Tab?> TryOpen(HttpClient http, string page, int number, int instance)
        {
            using var timeout = new CancellationTokenSource(patience);
            var begun = Stopwatch.GetTimestamp();
            try
            {
                var tab = await Tab.Open(http, page, timeout.Token, number, instance);
                times.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
                return tab;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
            {
                failed++;
                var reason = e.GetType().Name + ": " + e.Message.Split('\n')[0];
                errors[reason] = errors.GetValueOrDefault(reason) + 1;
                return null;
            }
        }
    }
}
