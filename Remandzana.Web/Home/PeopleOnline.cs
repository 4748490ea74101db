using Microsoft.Extensions.Options;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Home;

/// <summary>
/// How many people are chatting now per mode, across every instance, as the home page shows it:
/// asked of the cluster at most once per <see cref="MatchingOptions.OnlineCountSeconds"/>, so a
/// busy home page costs the instances nothing more.
/// </summary>
public sealed class PeopleOnline(ClusterSwitchboard switchboard, TimeProvider time, IOptions<MatchingOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _asking = new(1, 1);
    private (int[] Counts, DateTimeOffset At)? _last;

    /// <returns>People per entry (by its number), or null when the cluster cannot be asked just now.</returns>
    public async ValueTask<int[]?> PerEntry()
    {
        var maxAge = TimeSpan.FromSeconds(options.Value.OnlineCountSeconds);
        if (_last is { } fresh && time.GetUtcNow() - fresh.At < maxAge)
        {
            return fresh.Counts;
        }

        await _asking.WaitAsync();
        try
        {
            if (_last is { } justAsked && time.GetUtcNow() - justAsked.At < maxAge)
            {
                return justAsked.Counts;
            }

            var counts = await switchboard.PeoplePerEntry();
            _last = (counts, time.GetUtcNow());
            return counts;
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            return _last?.Counts;
        }
        finally
        {
            _asking.Release();
        }
    }

    public void Dispose() => _asking.Dispose();

    /// <summary>People on a mode's pages: question mode counts both sides.</summary>
    public static int For(int[] counts, ChatEntry entry) => entry.Mode() == Mode.Question
        ? counts[(int)ChatEntry.QuestionAsk] + counts[(int)ChatEntry.QuestionDiscuss]
        : counts[(int)entry];
}
