using Remandzana.Domain.Lines;

namespace Remandzana.Domain.Moderation;

/// <summary>What a policy decided about one message: the sanction, and how the sender is told.</summary>
/// <param name="Violation">How many times this person has now violated this policy (1 = the first).</param>
public sealed record Verdict(Policy Policy, Sanction Sanction, int Violation)
{
    /// <summary>The last suppression before the ladder's consequence: the sender is warned what comes next.</summary>
    public bool IsLastWarning => Sanction == Sanction.Suppress && Violation == Policy.Ladder.Suppressions;

    /// <summary>The system line the sender sees.</summary>
    public Notice Notice => Sanction switch
    {
        Sanction.Suppress when IsLastWarning => Notices.SuppressedLastTime(Policy.Reason, Policy.Ladder.Then),
        Sanction.Suppress => Notices.Suppressed(Policy.Reason),
        Sanction.Kick => Notices.Kicked(Policy.Reason),
        _ => Notices.Exiled(Policy.Reason),
    };
}
