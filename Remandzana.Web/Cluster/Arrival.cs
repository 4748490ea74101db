using Orleans;
using Orleans.Runtime;
using Remandzana.Domain.People;

namespace Remandzana.Web.Cluster;

/// <summary>Someone who opened a chat page on the instance at <see cref="Home"/>, as the grains know them.</summary>
[GenerateSerializer, Immutable]
public sealed record Arrival(
    [property: Id(0)] string PersonId,
    [property: Id(1)] int Entry,
    [property: Id(2)] DateTimeOffset JoinedAt,
    [property: Id(3)] SiloAddress Home,
    [property: Id(4)] string? Question = null,
    [property: Id(5)] string Language = "",
    [property: Id(6)] string Interests = "")
{
    /// <summary>Whom they would rather meet first, as the domain sees it.</summary>
    public Preferences Preferences() => new(Language, Domain.People.Interests.Parse(Interests));
}
