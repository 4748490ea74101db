namespace Remandzana.Web.Operator;

/// <summary>The audit page: the newest entries (at most <paramref name="Limit"/>), and what was wrong with a refused note.</summary>
public sealed record AuditPageModel(IReadOnlyList<AuditEntry> Entries, int Limit, string? Problem);
