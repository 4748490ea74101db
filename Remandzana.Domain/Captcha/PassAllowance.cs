namespace Remandzana.Domain.Captcha;

/// <summary>
/// What one pass has used: the chats it opened, the pages it holds open, and when its recent chats
/// began. A pass stands for one person who solved a challenge, so these are that person's limits.
/// </summary>
public sealed class PassAllowance(PassLimits limits, TimeProvider time)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly Queue<DateTimeOffset> _recent = new();

    public int Used { get; private set; }

    public int Open { get; private set; }

    public PassEntry Enter()
    {
        var now = time.GetUtcNow();
        while (_recent.Count > 0 && now - _recent.Peek() >= Minute)
        {
            _recent.Dequeue();
        }

        if (Used >= limits.Chats)
        {
            return PassEntry.UsedUp;
        }

        if (Open >= limits.OpenPages)
        {
            return PassEntry.TooManyOpen;
        }

        if (_recent.Count >= limits.NewPerMinute)
        {
            return PassEntry.TooManyNew;
        }

        Used++;
        Open++;
        _recent.Enqueue(now);
        return PassEntry.Admitted;
    }

    /// <summary>A chat page of this pass ended.</summary>
    public void Leave() => Open = Math.Max(0, Open - 1);
}
