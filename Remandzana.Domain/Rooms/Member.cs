using Remandzana.Domain.People;

namespace Remandzana.Domain.Rooms;

/// <summary>A person in a room, with their place among the members of the same role (0 = first admitted).</summary>
public sealed record Member(Person Person, int IndexInRole);
