namespace Remandzana.Domain.Captcha;

/// <summary>
/// At most so many of one thing in any minute (a sliding window): each taken one is remembered
/// for a minute, so a refusal can say exactly when the next one will be free.
/// </summary>
public sealed class MinuteWindow(int limit, TimeProvider time)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly LinkedList<DateTimeOffset> _taken = new();

    public Charge Take()
    {
        var now = time.GetUtcNow();
        Forget(now);
        if (_taken.Count >= limit)
        {
            return new Charge(_taken.First!.Value + Minute - now);
        }

        _taken.AddLast(now);
        return Charge.Taken;
    }

    /// <summary>The last one taken turned out free (a right answer): it no longer counts.</summary>
    public void GiveBack()
    {
        if (_taken.Count > 0)
        {
            _taken.RemoveLast();
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (_taken.First is { } oldest && now - oldest.Value >= Minute)
        {
            _taken.RemoveFirst();
        }
    }
}
