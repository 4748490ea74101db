using Remandzana.Web.Hosting;

namespace Remandzana.Web.Operator;

/// <summary>
/// What every console answer carries beyond the site's headers (<see cref="SecurityHeaders"/>): never
/// stored by the browser or a proxy, never framed (not even by the site itself), no Referer.
/// </summary>
public static class ConsoleHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
    }
}
