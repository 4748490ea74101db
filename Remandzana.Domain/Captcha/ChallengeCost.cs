namespace Remandzana.Domain.Captcha;

/// <summary>
/// What challenges have cost one origin (an address, a Tor circuit) in the last minute: each
/// challenge shown, and each answer that did not pass. A script that asks for challenges or
/// guesses at them runs out of both long before it gets far; a person never notices.
/// </summary>
public sealed class ChallengeCost(ChallengeLimits limits, TimeProvider time)
{
    private readonly MinuteWindow _shown = new(limits.ShownPerMinute, time);
    private readonly MinuteWindow _answers = new(limits.WrongAnswersPerMinute, time);

    /// <summary>One more challenge to show, if the origin may see one.</summary>
    public Charge Show() => _shown.Take();

    /// <summary>
    /// One more answer to check, counted as wrong until <see cref="Solved"/> says otherwise, so that
    /// answers sent all at once cannot slip past the limit while they are being checked.
    /// </summary>
    public Charge Answer() => _answers.Take();

    /// <summary>The answer <see cref="Answer"/> took was right: it costs nothing.</summary>
    public void Solved() => _answers.GiveBack();
}
