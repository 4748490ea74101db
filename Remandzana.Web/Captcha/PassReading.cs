using Remandzana.Web.Grains;
namespace Remandzana.Web.Captcha;

/// <summary>
/// Reads ?pass= once per request, before any page runs: a valid pass's id goes into
/// HttpContext.Items (<see cref="Passes.IdItem"/>) and the pass is carried on in every link.
/// </summary>
public sealed class PassReading(RequestDelegate next, Passes passes)
{
    public Task InvokeAsync(HttpContext context)
    {
        var pass = context.Request.Query[Passes.Parameter];
        if (pass.Count == 1 && passes.Read(pass[0]) is { } id)
        {
            context.Items[Passes.IdItem] = id;
            context.Items[Passes.SealedItem] = pass[0];
        }

        return next(context);
    }
}
