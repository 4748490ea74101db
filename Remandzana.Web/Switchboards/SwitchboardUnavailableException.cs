namespace Remandzana.Web.Switchboards;

/// <summary>The shared switchboard cannot be reached (Redis is down or too slow); the request gets a friendly answer.</summary>
public sealed class SwitchboardUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
