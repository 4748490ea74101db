using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;

namespace Remandzana.Web.Moderation;

/// <summary>
/// This instance's count of the copies of texts sent into rooms, for the RepeatedText policy: the
/// copies judged here, and those judged on the other instances, which reach it in batches
/// (<see cref="Cluster.EchoSharing"/>). A room asks it in its own turn, with no call, so counting
/// costs a message nothing but the check itself. Thread-safe: rooms run in parallel.
/// </summary>
public sealed class EchoWatch(EchoLimits limits, TimeProvider time, PoliciesInForce policies)
{
    /// <summary>Copies waiting for the next batch at most: beyond it, a flood is counted here only.</summary>
    public const int MaxOutgoing = 10_000;

    private readonly TextEchoes _echoes = new(limits, time);
    private readonly Lock _gate = new();
    private List<TextCopy> _outgoing = [];
    private long _observed;
    private long _heard;
    private volatile bool _shared;

    /// <summary>Some mode has the RepeatedText policy: when none has, nothing is counted.</summary>
    public bool Enabled => policies.Current.CountsEchoes;

    /// <summary>Other instances are up: copies judged here are kept for them until the next batch.</summary>
    public bool Shared
    {
        get => _shared;
        set => _shared = value;
    }

    /// <summary>Texts remembered here now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _echoes.Count;
            }
        }
    }

    /// <summary>Copies judged here, and copies heard from other instances, since the start.</summary>
    public (long Observed, long Heard) Copies => (Interlocked.Read(ref _observed), Interlocked.Read(ref _heard));

    /// <summary>
    /// Records one copy of <paramref name="text"/> sent by <paramref name="origin"/> into the room
    /// <paramref name="roomId"/>, and says what the copies sent anywhere make of it. A text too
    /// short to count (a greeting) costs nothing.
    /// </summary>
    public Echo Observe(Origin origin, string roomId, string text)
    {
        if (!Enabled || TextCopy.Of(origin.Value, roomId, text, limits.MinLength) is not { } copy)
        {
            return Echo.None;
        }

        return Observe(copy);
    }

    /// <summary>Copies judged on another instance: they count here from now on.</summary>
    public void Heard(IReadOnlyCollection<TextCopy> copies)
    {
        if (!Enabled)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var copy in copies)
            {
                _echoes.Record(copy);
            }
        }

        Interlocked.Add(ref _heard, copies.Count);
    }

    /// <summary>The copies judged here since the last batch, for the other instances (none when alone).</summary>
    public TextCopy[] TakeOutgoing()
    {
        List<TextCopy> batch;
        lock (_gate)
        {
            if (_outgoing.Count == 0)
            {
                return [];
            }

            batch = _outgoing;
            _outgoing = [];
        }

        return [.. batch];
    }

    private Echo Observe(TextCopy copy)
    {
        Echo echo;
        lock (_gate)
        {
            echo = _echoes.Observe(copy);
            if (_shared && _outgoing.Count < MaxOutgoing)
            {
                _outgoing.Add(copy);
            }
        }

        Interlocked.Increment(ref _observed);
        return echo;
    }
}
