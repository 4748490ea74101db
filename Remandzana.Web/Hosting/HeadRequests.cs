namespace Remandzana.Web.Hosting;

public static class HeadRequests
{
    private const string Marker = "Remandzana.Head";

    /// <summary>
    /// HEAD on any page answers as GET does, without a body (Kestrel drops what a HEAD response
    /// writes). Call it before routing, so the GET endpoints match.
    /// </summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Request.Method = HttpMethods.Get;
            context.Items[Marker] = true;
        }

        return next(context);
    });

    /// <summary>The request came as HEAD: a chat page then answers its headers only, and nobody joins.</summary>
    public static bool IsHead(this HttpContext context) => context.Items.ContainsKey(Marker);
}
