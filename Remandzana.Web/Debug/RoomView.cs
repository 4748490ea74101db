namespace Remandzana.Web.Debug;

/// <summary>One room whose conversation goes on, its members in admission order.</summary>
public sealed record RoomView(string Id, string Mode, DateTimeOffset CreatedAt, IReadOnlyList<MemberView> Members);
