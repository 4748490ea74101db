using Remandzana.Domain.People;

namespace Remandzana.Web.Security;

/// <summary>What a send form's token proves: who the person is, when the form was issued, and whether it sets up a question.</summary>
public sealed record SendToken(PersonId PersonId, DateTimeOffset IssuedAt, bool IsSetup);
