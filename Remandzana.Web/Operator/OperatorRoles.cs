namespace Remandzana.Web.Operator;

/// <summary>The two roles an operator may have (<c>Remandzana:Operators:{name}:Role</c>), as the principal's <c>ClaimTypes.Role</c> says them.</summary>
public static class OperatorRoles
{
    /// <summary>Reports, bars, feedback, kicks, the audit log.</summary>
    public const string Moderator = "Moderator";

    /// <summary>Everything a Moderator may do, and the site's settings and filters.</summary>
    public const string Admin = "Admin";

    public static bool IsKnown(string role) => role is Moderator or Admin;
}
