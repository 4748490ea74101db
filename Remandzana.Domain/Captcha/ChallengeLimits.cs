namespace Remandzana.Domain.Captcha;

/// <param name="ShownPerMinute">Challenges one origin may be shown per minute, however it asks (a chat page, a wrong or stale answer).</param>
/// <param name="WrongAnswersPerMinute">Answers one origin may give per minute that do not pass (wrong, expired or replayed).</param>
public sealed record ChallengeLimits(int ShownPerMinute, int WrongAnswersPerMinute);
