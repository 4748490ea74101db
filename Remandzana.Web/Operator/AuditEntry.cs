namespace Remandzana.Web.Operator;

/// <summary>One line of the audit log: which operator did what, when (<paramref name="Detail"/> says to what: a report's file, a nickname, a setting's new value).</summary>
public sealed record AuditEntry(DateTimeOffset At, string Operator, string Action, string Detail);
