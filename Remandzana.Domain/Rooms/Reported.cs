using Remandzana.Domain.People;

namespace Remandzana.Domain.Rooms;

/// <summary>Someone a report names: as the reporter saw them, and their origin for the operator.</summary>
public sealed record Reported(string Name, Origin Origin);
