namespace Remandzana.Domain.Captcha;

/// <summary>
/// New chats over the last minute, counted in one bucket per second: the measure of pressure that
/// switches the captcha on in "UnderPressure" mode.
/// </summary>
public sealed class ChatsPerMinute(TimeProvider time)
{
    private const int Seconds = 60;

    private readonly long[] _second = Enumerable.Repeat(long.MinValue, Seconds).ToArray();
    private readonly int[] _count = new int[Seconds];

    /// <summary>One new chat now; returns how many there were in the last minute, this one included.</summary>
    public int Record()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var slot = (int)(now % Seconds);
        if (_second[slot] != now)
        {
            _second[slot] = now;
            _count[slot] = 0;
        }

        _count[slot]++;
        return Count(now);
    }

    public int Count() => Count(time.GetUtcNow().ToUnixTimeSeconds());

    private int Count(long now)
    {
        var total = 0;
        for (var slot = 0; slot < Seconds; slot++)
        {
            if (_second[slot] > now - Seconds)
            {
                total += _count[slot];
            }
        }

        return total;
    }
}
