using Remandzana.Domain.People;

namespace Remandzana.Web.Security;

/// <summary>What a send form's token proves: who the person is, the instance that serves their stream, and whether it sets up a question.</summary>
public sealed record SendToken(PersonId PersonId, string Home, bool IsSetup);
