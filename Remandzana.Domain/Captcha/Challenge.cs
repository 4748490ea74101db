namespace Remandzana.Domain.Captcha;

/// <summary>
/// One captcha: a code shown in a picture and, for people who cannot see it, a question in words.
/// Either answer solves it.
/// </summary>
public sealed record Challenge(string Id, string Code, TextQuestion Question)
{
    public const int CodeLength = 6;

    public static Challenge Draw(Random random, string id) => new(id, CaptchaCode.Draw(random, CodeLength), TextQuestion.Draw(random));

    public bool IsSolvedBy(string? code, string? answer) => CaptchaCode.Matches(Code, code) || Question.Accepts(answer);
}
