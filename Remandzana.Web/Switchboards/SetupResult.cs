using Remandzana.Domain.Moderation;
using Remandzana.Domain.Switchboards;

namespace Remandzana.Web.Switchboards;

/// <param name="RefusedBy">When a moderation policy of question mode refused the question: that policy.</param>
public sealed record SetupResult(SetupOutcome Outcome, Policy? RefusedBy = null);
