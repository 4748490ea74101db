using Remandzana.Domain.People;
using Remandzana.Web.Grains;

namespace Remandzana.Web.Security;

/// <summary>
/// What a send form's token proves: who the person is, the instance that serves their stream,
/// whether it sets up a question, and their room once a message of theirs reached it (only a
/// talker's relayed message names it, so a token with a room never belongs to an asker).
/// </summary>
public sealed record SendToken(PersonId PersonId, string Home, bool IsSetup, string? Room = null);
