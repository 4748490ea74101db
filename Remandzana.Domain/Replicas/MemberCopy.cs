using Remandzana.Domain.People;

namespace Remandzana.Domain.Replicas;

/// <summary>A room member as the shared switchboard describes them to every instance.</summary>
public sealed record MemberCopy(PersonId Id, Role Role, Nickname? Nickname);
