using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.Matching;

/// <summary>A room the matchmaker formed, as "Don't match me with them again" needs it: who was in it, from which origin.</summary>
public sealed record Meeting(Mode Mode, IReadOnlyList<(PersonId Id, ChatEntry Entry, Origin Origin)> Members)
{
    public static Meeting Of(Formation formation) =>
        new(formation.Mode, [.. formation.Members.Select(member => (member.Id, member.Entry, member.Origin))]);
}
