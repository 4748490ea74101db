using Remandzana.Domain.People;

namespace Remandzana.Web.Operator;

/// <summary>The site's numbers for the overview: the sum over the instances that answered.</summary>
/// <param name="MessagesToday">The instances' own counts of the last 24 hours, added up.</param>
/// <param name="FooterMessagesToday">The footer's "messages today" (recomputed at most once per Remandzana:Metrics:RecomputeSeconds; scaled out, kept in Redis across restarts), or null when it cannot be read.</param>
/// <param name="Pressure">New chats asked for in the last minute across the site, or null when the counter did not answer.</param>
/// <param name="PressureLimit">In the UnderPressure captcha mode, the new chats per minute above which a pass is needed.</param>
public sealed record SiteFigures(
    int[] PeoplePerEntry,
    int RoomsOpen,
    long MessagesLastMinute,
    long MessagesToday,
    long? FooterMessagesToday,
    long TooManyLastMinute,
    long UnavailableLastMinute,
    string CaptchaMode,
    int? Pressure,
    int PressureLimit,
    long[] PeopleHour,
    long[] MessagesHour,
    long[] TooManyHour,
    long[] UnavailableHour)
{
    public int PeopleOnline => PeoplePerEntry.Sum();

    public static SiteFigures Of(IReadOnlyList<InstanceFigures> answered, long? footerMessagesToday, string captchaMode, int? pressure, int pressureLimit) => new(
        [.. Enumerable.Range(0, Enum.GetValues<ChatEntry>().Length).Select(entry => answered.Sum(instance => instance.PeoplePerEntry.ElementAtOrDefault(entry)))],
        answered.SelectMany(instance => instance.RoomIds).Distinct(StringComparer.Ordinal).Count(),
        answered.Sum(instance => instance.MessagesLastMinute),
        answered.Sum(instance => instance.MessagesToday),
        footerMessagesToday,
        answered.Sum(instance => instance.TooManyLastMinute),
        answered.Sum(instance => instance.UnavailableLastMinute),
        captchaMode,
        pressure,
        pressureLimit,
        Add(answered.Select(instance => instance.PeopleHour)),
        Add(answered.Select(instance => instance.MessagesHour)),
        Add(answered.Select(instance => instance.TooManyHour)),
        Add(answered.Select(instance => instance.UnavailableHour)));

    /// <summary>Minute by minute, each series ending at its instance's current minute.</summary>
    private static long[] Add(IEnumerable<long[]> series)
    {
        var total = new long[InstanceActivity.HourMinutes];
        foreach (var one in series)
        {
            // Aligned on the latest minute: a shorter series (an instance of an older version) fills the end.
            for (var i = 0; i < Math.Min(one.Length, total.Length); i++)
            {
                total[total.Length - 1 - i] += one[one.Length - 1 - i];
            }
        }

        return total;
    }
}
