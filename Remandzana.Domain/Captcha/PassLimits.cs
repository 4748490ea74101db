namespace Remandzana.Domain.Captcha;

/// <param name="Chats">Chat pages one pass may open in its life.</param>
/// <param name="OpenPages">Chat pages one pass may hold open at once.</param>
/// <param name="NewPerMinute">Chat pages one pass may open per minute.</param>
public sealed record PassLimits(int Chats, int OpenPages, int NewPerMinute);
