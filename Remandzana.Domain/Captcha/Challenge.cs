namespace Remandzana.Domain.Captcha;

/// <summary>
/// One captcha: a code shown in a picture and, for people who cannot see it, digits of their own
/// spoken in a recording in <paramref name="Language"/>. One answer field takes either code.
/// </summary>
/// <param name="Seed">Chooses every distortion of the picture and the recording: a secret of the challenge, so its media are the same bytes whenever they are asked for (averaging many renderings gains nothing).</param>
public sealed record Challenge(string Id, string Code, string SpokenCode, int Seed, string Language)
{
    public const int CodeLength = 6;

    public static Challenge Draw(Random random, string id, int spokenDigits, string language) =>
        new(id, CaptchaCode.Draw(random, CodeLength), Captcha.SpokenCode.Draw(random, spokenDigits), random.Next(), language);

    /// <summary>
    /// Whether what was typed is either code. A blind guess wins with a chance of at most
    /// 1/22^6 + 1/10^6 (about one in a million) per try, and each challenge takes one try.
    /// </summary>
    public bool IsSolvedBy(string? typed) => CaptchaCode.Matches(Code, typed) || Captcha.SpokenCode.Matches(SpokenCode, typed);
}
