using Orleans;
using Orleans.Runtime;
using Remandzana.Domain.People;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>Someone who opened a chat page on the instance at <see cref="Home"/>, as the grains know them.</summary>
/// <param name="Origin">Their browser across conversations (a pass or an address), for reports; never shown to the others.</param>
[GenerateSerializer, Immutable]
public sealed record Arrival(
    [property: Id(0)] string PersonId,
    [property: Id(1)] int Entry,
    [property: Id(2)] DateTimeOffset JoinedAt,
    [property: Id(3)] SiloAddress Home,
    [property: Id(4)] string? Question = null,
    [property: Id(5)] string Language = "",
    [property: Id(6)] string Interests = "",
    [property: Id(7)] string? Origin = null)
{
    /// <summary>Whom they would rather meet first, as the domain sees it.</summary>
    public Preferences Preferences() => new(Language, Domain.People.Interests.Parse(Interests));

    /// <summary>Their <see cref="Origin"/> as the domain holds it; a method, so that no storage serialises it.</summary>
    public Domain.People.Origin? ToOrigin() => Origin is null ? null : new Domain.People.Origin(Origin);
}
