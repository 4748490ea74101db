using Microsoft.Net.Http.Headers;

namespace Remandzana.Web.Hosting;

public static class StaticAssets
{
    /// <summary>CSS is linked with a content hash (asp-append-version), so it can be cached for good.</summary>
    public static IApplicationBuilder UseImmutableStaticFiles(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
                context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable",
        });
}
