using Remandzana.Domain.People;

namespace Remandzana.Web.Security;

/// <summary>What a resume link says: whose stream, on which instance, and the one-use key it must match.</summary>
public sealed record ResumeLink(PersonId PersonId, string Home, string Key);
