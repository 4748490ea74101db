using System.Globalization;

namespace Remandzana.Domain.Moderation;

/// <summary>What the operator's kick says to those it removes, and how long it bars them from chat (none: they may start again at once).</summary>
public sealed record KickOrder(string Message, TimeSpan? Bar)
{
    public const int MaxMessageLength = 300;

    /// <summary>A year: a longer bar is a report's "for good", not a kick's.</summary>
    public const int MaxBarMinutes = 525_600;

    /// <summary>The order the console's form describes, or null with the reason in the operator's words.</summary>
    /// <param name="barMinutes">Empty for no bar, else whole minutes from 1 to <see cref="MaxBarMinutes"/>.</param>
    public static KickOrder? TryCreate(string? message, string? barMinutes, out string? problem)
    {
        var text = (message ?? "").Trim();
        problem = text.Length switch
        {
            0 => "Type the message they will read.",
            > MaxMessageLength => $"The message is at most {MaxMessageLength} characters; this one has {text.Length}.",
            _ => null,
        };
        if (problem is not null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(barMinutes))
        {
            return new KickOrder(text, null);
        }

        if (!int.TryParse(barMinutes.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is < 1 or > MaxBarMinutes)
        {
            problem = $"A bar is a whole number of minutes from 1 to {MaxBarMinutes} (a year), or empty for none.";
            return null;
        }

        return new KickOrder(text, TimeSpan.FromMinutes(minutes));
    }
}
