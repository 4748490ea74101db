namespace Remandzana.Domain.Captcha;

/// <summary>What asking cost: <see cref="Taken"/> (go ahead), or nothing, with how long until the asker may come back.</summary>
public readonly record struct Charge(TimeSpan ComeBackIn)
{
    public static readonly Charge Taken = new(TimeSpan.Zero);

    public bool IsTaken => ComeBackIn <= TimeSpan.Zero;
}
