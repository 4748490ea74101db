using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Remandzana.Web.Operator;

/// <summary>
/// Refuses (403, with a page that says why) every console request that is not a GET or HEAD
/// unless its form carries exactly one valid <see cref="OperatorFormTokens.Field"/>. It runs
/// before model binding and the action, so a refused post does nothing. The form is read here
/// (buffered): actions read it again from <c>Request.Form</c> at no cost.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class OperatorFormTokenCheckAttribute : Attribute, IAsyncAuthorizationFilter
{
    public const string RefusedView = "~/Views/Operator/FormTokenRefused.cshtml";

    /// <summary>Console forms are a few fields of text; anything larger is not read (and refused like a missing token).</summary>
    private const int MaxFormBytes = 1024 * 1024;

    private static readonly FormOptions Limits = new()
    {
        ValueCountLimit = 256,
        ValueLengthLimit = 64 * 1024,
        MultipartBodyLengthLimit = MaxFormBytes,
        BufferBodyLengthLimit = MaxFormBytes,
    };

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return;
        }

        var tokens = context.HttpContext.RequestServices.GetRequiredService<OperatorFormTokens>();
        string? token = null;
        if (request.HasFormContentType && request.ContentLength is null or <= MaxFormBytes)
        {
            try
            {
                context.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, Limits));
                var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
                if (form.TryGetValue(OperatorFormTokens.Field, out var values) && values.Count == 1)
                {
                    token = values[0];
                }
            }
            catch (InvalidDataException)
            {
                // Too large or malformed: refused below like a missing token.
            }
        }

        if (!tokens.Accepts(context.HttpContext.User, token))
        {
            var metadata = context.HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Mvc.ModelBinding.IModelMetadataProvider>();
            context.Result = new ViewResult
            {
                ViewName = RefusedView,
                StatusCode = StatusCodes.Status403Forbidden,
                ViewData = new ViewDataDictionary(metadata, context.ModelState),
            };
        }
    }
}
