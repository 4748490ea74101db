namespace Remandzana.Web.Reports;

/// <summary>A bar still in force, for the console: the report it was set in (its file, the name's place in it), whom and until when, and who set it (null: by hand or an older version).</summary>
public sealed record BarInForce(string File, int Person, string Name, string Origin, DateTimeOffset Until, string? BarredBy, DateTimeOffset ReportedAt);
