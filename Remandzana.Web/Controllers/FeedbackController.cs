using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Web.Abuse;
using Remandzana.Web.Feedback;
using Remandzana.Web.Hosting;
using Remandzana.Web.Options;

namespace Remandzana.Web.Controllers;

public sealed class FeedbackController(FeedbackStore store, FormReader forms, IOptions<FeedbackOptions> options) : Controller
{
    private static readonly string[] Fields = ["message"];

    [HttpGet("/feedback")]
    public IActionResult Index() =>
        View(new FeedbackPageModel(store.Visible(), options.Value.MaxMessageLength));

    [HttpPost("/feedback")]
    [EnableRateLimiting(FeedbackServices.RateLimitPolicy)]
    public async Task<IActionResult> Submit()
    {
        // No action parameters: binding one would make MVC read the body as a form before FormReader can check it.
        var form = await forms.Read(Request, Fields, freeText: "message");
        var message = form["message"] ?? "";
        var maxLength = options.Value.MaxMessageLength;
        var check = MessageText.Check(message, maxLength, out var text);
        var error = form.Problem != FormProblem.None ? form.Reason : check switch
        {
            MessageText.Problem.Empty => new Notice("Type your feedback first."),
            MessageText.Problem.TooLong => Notice.Of("That is too long: at most {0} characters.", NoticeArgument.Data(maxLength)),
            _ => null,
        };
        if (error is not null)
        {
            var again = View("Index", new FeedbackPageModel(store.Visible(), maxLength, message, error));
            again.StatusCode = form.Problem == FormProblem.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return again;
        }

        if (await store.AddAsync(text) is null)
        {
            var full = View("Index", new FeedbackPageModel(store.Visible(), maxLength, message, new Notice("The operator has too much feedback to read just now, so yours could not be kept. Your text is still here: try again later.")));
            full.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return full;
        }

        return View("Thanks");
    }
}
