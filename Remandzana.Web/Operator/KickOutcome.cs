namespace Remandzana.Web.Operator;

/// <summary>Whom a kick removed (as their rooms named them) and until when they are barred, if they are.</summary>
public sealed record KickOutcome(IReadOnlyList<string> Removed, DateTimeOffset? BarredUntil);
