namespace Remandzana.Web.Operator;

/// <summary>
/// The append-only record of what operators did in the console. Every action a console page takes
/// calls <see cref="RecordAsync"/> once it has taken effect. Logins are not recorded here (they are log lines).
/// </summary>
public interface IOperatorAudit
{
    /// <param name="action">A short word for what was done ("bar", "dismiss", "publish", "note", …).</param>
    /// <param name="detail">To what, in a sentence: shown as it is (HTML-encoded) in the console.</param>
    Task RecordAsync(string operatorName, string action, string detail);

    /// <summary>The newest <paramref name="count"/> entries of this instance, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> RecentAsync(int count);
}
