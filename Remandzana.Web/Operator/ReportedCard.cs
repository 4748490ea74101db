namespace Remandzana.Web.Operator;

/// <summary>Someone a report names, as the console shows them: their place in the report, the name the reporter saw, the hash of their origin, and the bar decided on them (if any).</summary>
public sealed record ReportedCard(int Index, string Name, string Origin, DateTimeOffset? BarredUntil, string? BarredBy, bool InForce);
