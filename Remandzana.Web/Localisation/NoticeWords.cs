using System.Globalization;
using Microsoft.Extensions.Localization;
using Remandzana.Domain.Lines;

namespace Remandzana.Web.Localisation;

/// <summary>
/// A notice or a speaker's name in the viewer's language. Translation happens when a line is
/// rendered, on the instance that holds the viewer's stream, in the language of the viewer's
/// request (<see cref="CultureInfo.CurrentUICulture"/>): one room's members may each read a different one.
/// What people typed (names they chose, questions, interests) is data and never translated.
/// </summary>
public static class NoticeWords
{
    private const string YouSuffix = " (You)";

    public static string Say(this IStringLocalizer words, Notice notice)
    {
        var template = words[notice.Template].Value;
        if (notice.Arguments.IsDefaultOrEmpty)
        {
            return template;
        }

        var arguments = notice.Arguments.Select(argument => (object)(argument.IsWording ? words[argument.Text].Value : argument.Text)).ToArray();
        return string.Format(CultureInfo.CurrentCulture, template, arguments);
    }

    /// <summary>"You", "Stranger", "Anonymous" and the "(You)" after a lettered name are the site's words; a nickname is not.</summary>
    public static string Name(this IStringLocalizer words, Speaker speaker)
    {
        var name = speaker.Name;
        if (speaker.Colour == SpeakerColour.Nicknamed)
        {
            return name;
        }

        if (name.EndsWith(YouSuffix, StringComparison.Ordinal) && name.Length > YouSuffix.Length)
        {
            var own = name[..^YouSuffix.Length];
            return $"{(own == "Anonymous" ? words[own].Value : own)} ({words["You"].Value})";
        }

        return speaker.Colour is SpeakerColour.You or SpeakerColour.Stranger or SpeakerColour.Anonymous ? words[name].Value : name;
    }
}
