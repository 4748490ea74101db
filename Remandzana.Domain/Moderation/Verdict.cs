using Remandzana.Domain.Lines;

namespace Remandzana.Domain.Moderation;

/// <summary>
/// What a policy decided about one message: the sanction, and how the sender is told. It keeps the
/// policy's name, reason and ladder as they were when it judged, so the verdict means the same on
/// an instance whose own policies are configured differently.
/// </summary>
/// <param name="PolicyName">The judging policy's <see cref="Policy.Name"/>.</param>
/// <param name="Reason">The judging policy's <see cref="Policy.Reason"/>.</param>
/// <param name="Ladder">The judging policy's <see cref="Policy.Ladder"/>.</param>
/// <param name="Violation">How many times this person has now violated this policy (1 = the first).</param>
public sealed record Verdict(string PolicyName, string Reason, Ladder Ladder, Sanction Sanction, int Violation)
{
    /// <summary>The last suppression before the ladder's consequence: the sender is warned what comes next.</summary>
    public bool IsLastWarning => Sanction == Sanction.Suppress && Violation == Ladder.Suppressions;

    /// <summary>The system line the sender sees.</summary>
    public Notice Notice => Sanction switch
    {
        Sanction.Suppress when IsLastWarning => Notices.SuppressedLastTime(Reason, Ladder.Then),
        Sanction.Suppress => Notices.Suppressed(Reason),
        Sanction.Kick => Notices.Kicked(Reason),
        _ => Notices.Exiled(Reason),
    };
}
