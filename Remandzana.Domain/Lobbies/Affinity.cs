using Remandzana.Domain.People;

namespace Remandzana.Domain.Lobbies;

/// <summary>
/// Who may meet whom, and who first. Until their wait runs out, a person meets only people of
/// their language who share one of their interests (when they gave any); after it, anyone.
/// Among those they may meet, sharing an interest comes first, then the language, then the earliest arrival.
/// </summary>
public sealed class Affinity(TimeSpan wait)
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    public static readonly Affinity Default = new(DefaultWait);

    public TimeSpan Wait { get; } = wait;

    /// <summary>When <paramref name="person"/> will meet anyone, or null when they would from the start.</summary>
    public DateTimeOffset? Deadline(Person person) => person.Preferences.IsChoosy && Wait > TimeSpan.Zero ? person.JoinedAt + Wait : null;

    /// <summary>Whether <paramref name="person"/> would talk with <paramref name="other"/> now.</summary>
    public bool Accepts(Person person, Person other, DateTimeOffset now)
    {
        if (Deadline(person) is not { } deadline || now >= deadline)
        {
            return true;
        }

        var mine = person.Preferences;
        var theirs = other.Preferences;
        return mine.SameLanguage(theirs) && (mine.Interests.IsEmpty || mine.Interests.Shares(theirs.Interests));
    }

    /// <summary>Both would talk with each other now.</summary>
    public bool Match(Person a, Person b, DateTimeOffset now) => Accepts(a, b, now) && Accepts(b, a, now);

    public const int MostClose = 3;

    /// <summary>How much <paramref name="anchor"/> would rather meet <paramref name="other"/>: higher first.</summary>
    public static int Closeness(Person anchor, Person other) =>
        (anchor.Preferences.Interests.Shares(other.Preferences.Interests) ? 2 : 0)
        + (anchor.Preferences.Language.Length > 0 && anchor.Preferences.Language == other.Preferences.Language ? 1 : 0);
}
