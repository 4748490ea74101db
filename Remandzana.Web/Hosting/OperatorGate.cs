using Remandzana.Web.Grains;
using Remandzana.Web.Security;

namespace Remandzana.Web.Hosting;

public static class OperatorGate
{
    /// <summary>
    /// Refuses (403) an endpoint marked <see cref="OperatorOnlyAttribute"/> to anyone but the operator's
    /// own machines. It runs after routing and judges the endpoint that routing picked, never the
    /// path's spelling.
    /// </summary>
    public static IApplicationBuilder UseOperatorGate(this IApplicationBuilder app)
    {
        var access = app.ApplicationServices.GetRequiredService<OperatorAccess>();
        return app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<OperatorOnlyAttribute>() is { } rule
                && !rule.IsPublic(context.RequestServices)
                && !access.Admits(context))
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            return next(context);
        });
    }
}
