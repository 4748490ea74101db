using Remandzana.Domain.Moderation;
using Remandzana.Domain.Switchboards;

namespace Remandzana.Web.Switchboards;

/// <param name="Verdict">When a moderation policy refused the message: the policy and its sanction.</param>
public sealed record SendResult(SendOutcome Outcome, Verdict? Verdict = null);
