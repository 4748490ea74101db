namespace Remandzana.Web.Operator;

/// <summary>The console's authorization policies: every console page needs <see cref="Moderator"/>; site settings and filters need <see cref="Admin"/>.</summary>
public static class OperatorPolicies
{
    /// <summary>A Moderator or an Admin (an Admin is also a Moderator).</summary>
    public const string Moderator = "OperatorModerator";

    /// <summary>An Admin only.</summary>
    public const string Admin = "OperatorAdmin";
}
