using Remandzana.Domain.Metrics;
using Remandzana.Web.Health;

namespace Remandzana.Web.Operator;

/// <summary>
/// What this instance did lately, for the console's overview: messages relayed here, 429 and 503
/// answers, and people online, each by second (the last minute) and by minute (the last hour; the
/// last day for messages). Recording takes no lock: it happens on the chat's path.
/// </summary>
/// <param name="readiness">Messages count once it is warm; without one (a host without the warm-up), from the start.</param>
public sealed class InstanceActivity(TimeProvider time, Readiness? readiness = null)
{
    public const int HourMinutes = 60;

    private const int MinuteSeconds = 60;
    private const int DayMinutes = 24 * 60;

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly TallyRing _messagesBySecond = new(time, Second, MinuteSeconds);
    private readonly TallyRing _messagesByMinute = new(time, Minute, DayMinutes);
    private readonly TallyRing _tooManyBySecond = new(time, Second, MinuteSeconds);
    private readonly TallyRing _tooManyByMinute = new(time, Minute, HourMinutes);
    private readonly TallyRing _unavailableBySecond = new(time, Second, MinuteSeconds);
    private readonly TallyRing _unavailableByMinute = new(time, Minute, HourMinutes);
    private readonly TallyRing _peopleByMinute = new(time, Minute, HourMinutes);

    /// <summary>A chat message this instance took was relayed (not counted while it warms up, as the footer's count).</summary>
    public void MessageRelayed()
    {
        if (readiness?.IsWarm ?? true)
        {
            _messagesBySecond.Add();
            _messagesByMinute.Add();
        }
    }

    /// <summary>This instance answered <paramref name="status"/>: 429 and 503 are counted, others not.</summary>
    public void Answered(int status)
    {
        if (status == StatusCodes.Status429TooManyRequests)
        {
            _tooManyBySecond.Add();
            _tooManyByMinute.Add();
        }
        else if (status == StatusCodes.Status503ServiceUnavailable)
        {
            _unavailableBySecond.Add();
            _unavailableByMinute.Add();
        }
    }

    /// <summary>So many people have a chat page open here now; each minute keeps the highest seen.</summary>
    public void PeopleOnline(int people) => _peopleByMinute.Raise(people);

    public long MessagesLastMinute => _messagesBySecond.Sum(MinuteSeconds);

    public long MessagesToday => _messagesByMinute.Sum(DayMinutes);

    public long TooManyLastMinute => _tooManyBySecond.Sum(MinuteSeconds);

    public long UnavailableLastMinute => _unavailableBySecond.Sum(MinuteSeconds);

    /// <summary>Messages relayed per minute over the last hour, oldest first, this minute last.</summary>
    public long[] MessagesHour => _messagesByMinute.Series(HourMinutes);

    public long[] TooManyHour => _tooManyByMinute.Series(HourMinutes);

    public long[] UnavailableHour => _unavailableByMinute.Series(HourMinutes);

    /// <summary>The most people online in each minute of the last hour.</summary>
    public long[] PeopleHour => _peopleByMinute.Series(HourMinutes);
}
