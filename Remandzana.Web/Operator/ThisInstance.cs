using Microsoft.Extensions.Options;
using Remandzana.Web.Options;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Operator;

/// <summary>This instance's figures for the overview: its people and rooms now, and its recent <see cref="InstanceActivity"/>.</summary>
public sealed class ThisInstance(LocalSessions sessions, InstanceActivity activity, IOptions<CaptchaOptions> captcha, SiteSettings? siteSettings = null)
{
    public InstanceFigures Figures()
    {
        var people = sessions.PerEntry();
        activity.PeopleOnline(people.Sum());
        var rooms = sessions.All
            .Where(session => !session.Left)
            .Select(session => session.RoomId)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new InstanceFigures(
            people,
            rooms,
            activity.MessagesLastMinute,
            activity.MessagesToday,
            activity.TooManyLastMinute,
            activity.UnavailableLastMinute,
            (siteSettings?.Current.CaptchaMode ?? captcha.Value.Mode).ToString(),
            activity.PeopleHour,
            activity.MessagesHour,
            activity.TooManyHour,
            activity.UnavailableHour);
    }

    /// <summary>Notes how many people are online here now, so each minute of the hour has its level even when nobody looks.</summary>
    public void SamplePeople() => activity.PeopleOnline(sessions.PerEntry().Sum());
}
