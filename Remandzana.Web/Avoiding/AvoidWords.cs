using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;

namespace Remandzana.Web.Avoiding;

/// <summary>The words of "Don't match me with them again", in English as the translations key them.</summary>
public static class AvoidWords
{
    public const string Button = "Don't match me with them again";

    public const string Forged = "This form is not valid or has expired; nothing was changed.";

    public const string Forgotten = "This chat is no longer remembered, so nothing was changed.";

    public const string Unavailable = $"{Chat.ProblemModel.Unavailable}; nothing was changed. Try again in a moment.";

    public const string SlowDown = "Slow down: wait a moment, then try again.";

    /// <summary>"Them" is everyone else who was in the room: one stranger, or all the others of a three-person or question room.</summary>
    public static Notice Done(AvoidedCompany company, int hours) => Notice.Of(
        company.Others == 1
            ? "You won't be matched with them for {0} hours."
            : "You won't be matched with anyone else who was in that chat for {0} hours.",
        NoticeArgument.Data(hours));
}
