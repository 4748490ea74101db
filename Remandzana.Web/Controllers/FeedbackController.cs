using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Remandzana.Domain.Switchboards;
using Remandzana.Web.Feedback;
using Remandzana.Web.Hosting;
using Remandzana.Web.Options;

namespace Remandzana.Web.Controllers;

public sealed class FeedbackController(FeedbackStore store, IOptions<FeedbackOptions> options) : Controller
{
    [HttpGet("/feedback")]
    public async Task<IActionResult> Index(CancellationToken cancellation) =>
        View(new FeedbackPageModel(await store.VisibleAsync(cancellation), options.Value.MaxMessageLength));

    [HttpPost("/feedback")]
    [EnableRateLimiting(FeedbackServices.RateLimitPolicy)]
    public async Task<IActionResult> Submit([FromForm(Name = "message")] string? message, CancellationToken cancellation)
    {
        var maxLength = options.Value.MaxMessageLength;
        var error = MessageText.Check(message, maxLength, out var text) switch
        {
            MessageText.Problem.Empty => "Type your feedback first.",
            MessageText.Problem.TooLong => $"That is too long: at most {maxLength} characters.",
            _ => null,
        };
        if (error is not null)
        {
            var again = View("Index", new FeedbackPageModel(await store.VisibleAsync(cancellation), maxLength, message ?? "", error));
            again.StatusCode = StatusCodes.Status400BadRequest;
            return again;
        }

        await store.AddAsync(text);
        return View("Thanks");
    }
}
