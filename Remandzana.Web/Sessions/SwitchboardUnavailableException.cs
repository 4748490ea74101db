using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
namespace Remandzana.Web.Sessions;

/// <summary>The cluster cannot take the request (a silo, or Redis, is down or too slow); the request gets a friendly answer.</summary>
public sealed class SwitchboardUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
