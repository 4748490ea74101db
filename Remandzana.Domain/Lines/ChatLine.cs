namespace Remandzana.Domain.Lines;

/// <summary>A chat message as one viewer sees it: who said it (in that viewer's words) and what.</summary>
public sealed record ChatLine(Speaker From, string Text) : Line;
