using Microsoft.AspNetCore.Mvc;

namespace Remandzana.Web.Chat;

/// <summary>A controller's answer that is the send form (saving a conversation, a report): the same document POST /send writes.</summary>
public sealed class SendFormResult(SendFormModel form, int status = StatusCodes.Status200OK) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<SendFormDocument>().Write(context.HttpContext, form, status);
}
