using Orleans;
using Remandzana.Domain.Moderation;

namespace Remandzana.Web.Cluster.Wire;

/// <summary>
/// A moderation <see cref="Verdict"/> as the room's instance reached it: the sending instance shows
/// it as it is and never judges the message again with its own policies.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct VerdictSurrogate(
    [property: Id(0)] string PolicyName,
    [property: Id(1)] string Reason,
    [property: Id(2)] Ladder Ladder,
    [property: Id(3)] Sanction Sanction,
    [property: Id(4)] int Violation);

[RegisterConverter]
public sealed class VerdictConverter : IConverter<Verdict, VerdictSurrogate>
{
    public Verdict ConvertFromSurrogate(in VerdictSurrogate surrogate) => new(surrogate.PolicyName, surrogate.Reason, surrogate.Ladder, surrogate.Sanction, surrogate.Violation);

    public VerdictSurrogate ConvertToSurrogate(in Verdict value) => new(value.PolicyName, value.Reason, value.Ladder, value.Sanction, value.Violation);
}

[GenerateSerializer, Immutable]
public readonly record struct LadderSurrogate(
    [property: Id(0)] int Suppressions,
    [property: Id(1)] Consequence Then);

[RegisterConverter]
public sealed class LadderConverter : IConverter<Ladder, LadderSurrogate>
{
    public Ladder ConvertFromSurrogate(in LadderSurrogate surrogate) => new(surrogate.Suppressions, surrogate.Then);

    public LadderSurrogate ConvertToSurrogate(in Ladder value) => new(value.Suppressions, value.Then);
}
