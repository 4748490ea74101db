using Remandzana.Domain.People;

namespace Remandzana.Domain.Matching;

/// <summary>What "Don't match me with them again" did: the page the person came from, and how many others they will not meet.</summary>
/// <param name="Others">Everyone else who was in the room (two in a three-person or question room).</param>
public sealed record AvoidedCompany(ChatEntry Entry, int Others);
