namespace Remandzana.Domain.Moderation;

/// <summary>
/// A moderation check plus its consequence ladder. Pure: it says whether a text violates it and
/// what the n-th violation earns; the switchboard counts violations and acts on the verdict.
/// </summary>
public abstract class Policy(Ladder ladder)
{
    /// <summary>The policy's name as the about page shows it, e.g. "Block URLs".</summary>
    public abstract string Name { get; }

    /// <summary>Why a message was refused, as the sender is told: "links are not allowed here".</summary>
    public abstract string Reason { get; }

    public Ladder Ladder { get; } = ladder;

    /// <summary>Whether <paramref name="message"/>, as written or as a reader sees it, breaks this policy.</summary>
    public abstract bool IsViolatedBy(Reading message);

    public bool IsViolatedBy(string text) => IsViolatedBy(new Reading(text));

    /// <summary>The verdict on a person's <paramref name="violation"/>-th violation (1 = the first).</summary>
    public Verdict Judge(int violation) => new(Name, Reason, Ladder, Ladder.For(violation), violation);

    /// <summary>"Block URLs [suppress ×5 → kick]".</summary>
    public override string ToString() => $"{Name} [{Ladder}]";
}
