using System.Collections.Frozen;

namespace Remandzana.Web.Hosting;

/// <summary>
/// The error statuses this site itself answers with, which /status/{code} renders as pages when the
/// status-code pages re-execute one. Any other number is not a status of this site: no page for it.
/// </summary>
public static class SiteStatuses
{
    private static readonly FrozenSet<int> Own = new[]
    {
        StatusCodes.Status400BadRequest,          // malformed forms
        StatusCodes.Status401Unauthorized,        // the debug view without a key
        StatusCodes.Status403Forbidden,           // forged tokens, exiles, bars, the operator's endpoints
        StatusCodes.Status404NotFound,
        StatusCodes.Status405MethodNotAllowed,    // routing: a path that exists, with another method
        StatusCodes.Status410Gone,                // a saved conversation no longer kept
        StatusCodes.Status413PayloadTooLarge,     // forms over Remandzana:Limits:MaxFormBytes
        StatusCodes.Status429TooManyRequests,     // the rate limits
        StatusCodes.Status500InternalServerError,
        StatusCodes.Status503ServiceUnavailable,  // full, or the cluster unreachable
    }.ToFrozenSet();

    public static bool IsOwn(int code) => Own.Contains(code);
}
