namespace Remandzana.Web.Options;

/// <summary>What the request log says about who made a request.</summary>
public enum ClientAddressLogging
{
    /// <summary>Nothing: a request line names no address.</summary>
    None,

    /// <summary>A keyed hash of the address whose key changes every UTC day: one day's lines can be told apart and put together, and no more.</summary>
    Hashed,

    /// <summary>The address itself (behind the onion service: the Tor circuit).</summary>
    Full,
}
