using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;

namespace Remandzana.Web.Sessions;

/// <param name="Verdict">When a moderation policy refused the message: the policy and its sanction.</param>
/// <param name="RoomId">The room that took it, which the next form's token names.</param>
public sealed record SendResult(SendOutcome Outcome, Verdict? Verdict = null, string? RoomId = null);
