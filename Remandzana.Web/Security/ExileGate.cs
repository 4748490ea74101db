using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Remandzana.Web.Chat;
using Remandzana.Web.Grains;

namespace Remandzana.Web.Security;

/// <summary>Chat pages answer 403 to a browser that carries a valid exile mark.</summary>
public sealed class ExileGate(ExileMarks marks) : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) || !marks.IsExiled(request) || context.Controller is not Controller controller)
        {
            return;
        }

        context.Result = controller.ProblemPage(StatusCodes.Status403Forbidden, "You have been exiled site-wide", "A moderation policy of this site ended your conversation for good. Chat pages are closed to this browser.");
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
