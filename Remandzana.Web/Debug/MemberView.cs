namespace Remandzana.Web.Debug;

/// <param name="Index">The member's place among the room's members of the same role (0 = first admitted).</param>
public sealed record MemberView(string Id, string Role, int Index);
