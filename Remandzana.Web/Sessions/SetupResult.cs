using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;

namespace Remandzana.Web.Sessions;

/// <param name="RefusalReason">When a moderation policy of question mode refused the question: that policy's reason, as the instance that judged it words it.</param>
public sealed record SetupResult(SetupOutcome Outcome, string? RefusalReason = null);
