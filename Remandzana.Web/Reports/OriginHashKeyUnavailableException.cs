namespace Remandzana.Web.Reports;

/// <summary>The key of <see cref="OriginHashes"/> cannot be read or made just now (scaled out: Redis is unreachable).</summary>
public sealed class OriginHashKeyUnavailableException(Exception inner)
    : Exception($"The key that hashes origins cannot be read: {inner.Message}", inner);
