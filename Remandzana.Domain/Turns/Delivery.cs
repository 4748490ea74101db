using Remandzana.Domain.Lines;
using Remandzana.Domain.People;

namespace Remandzana.Domain.Turns;

/// <summary>One line for one person, already worded for them.</summary>
public readonly record struct Delivery(PersonId To, Line Line);
