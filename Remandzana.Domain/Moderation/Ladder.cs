namespace Remandzana.Domain.Moderation;

/// <summary>A policy's consequences: the first <see cref="Suppressions"/> violations are suppressed, the next one gets <see cref="Then"/>.</summary>
public sealed record Ladder
{
    public Ladder(int suppressions, Consequence then)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(suppressions);
        if (!Enum.IsDefined(then))
        {
            throw new ArgumentOutOfRangeException(nameof(then), then, null);
        }

        Suppressions = suppressions;
        Then = then;
    }

    public int Suppressions { get; }

    public Consequence Then { get; }

    /// <summary>The sanction for a person's <paramref name="violation"/>-th violation (1 = the first).</summary>
    public Sanction For(int violation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(violation, 1);
        if (violation <= Suppressions)
        {
            return Sanction.Suppress;
        }

        return Then == Consequence.Kick ? Sanction.Kick : Sanction.Exile;
    }

    /// <summary>As the about page shows it: "suppress ×5 → kick", or just "exile".</summary>
    public override string ToString()
    {
        var then = Then == Consequence.Kick ? "kick" : "exile";
        return Suppressions == 0 ? then : $"suppress ×{Suppressions} → {then}";
    }
}
