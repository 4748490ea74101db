using Remandzana.Domain.Switchboards;

namespace Remandzana.Web.Switchboards;

/// <param name="RefusalReason">When a moderation policy of question mode refused the question: that policy's reason, as the instance that judged it words it.</param>
public sealed record SetupResult(SetupOutcome Outcome, string? RefusalReason = null);
