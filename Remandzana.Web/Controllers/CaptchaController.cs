using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Remandzana.Domain.Lines;
using Remandzana.Web.Abuse;
using Remandzana.Web.Captcha;
using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Hosting;
using Remandzana.Web.Metrics;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Controllers;

/// <summary>The challenge's picture, its recording and its answer; a right answer leads on to the chat with a pass.</summary>
public sealed class CaptchaController(Challenges challenges, Passes passes, ChatAdmission admission, ChallengeCosts costs, ChallengeMedia media, FormReader forms, SiteMetrics metrics) : Controller
{
    private static readonly string[] AnswerFields = ["challenge", "then", "code"];

    [HttpGet("/captcha/{id}.png")]
    [EnableRateLimiting(CaptchaServices.MediaRateLimitPolicy)]
    public IActionResult Picture(string id)
    {
        Response.Headers.CacheControl = "no-store";
        return challenges.Open(id) is { } challenge
            ? File(media.Picture(challenge), "image/png")
            : NotFound();
    }

    /// <summary>The same bytes on every request for one challenge; ranges allowed, as media players ask for them.</summary>
    [HttpGet("/captcha/{id}.wav")]
    [EnableRateLimiting(CaptchaServices.MediaRateLimitPolicy)]
    public IActionResult Recording(string id)
    {
        Response.Headers.CacheControl = "no-store";
        return challenges.Open(id) is { } challenge
            ? File(media.Recording(challenge), "audio/wav", enableRangeProcessing: true)
            : NotFound();
    }

    [HttpPost("/captcha")]
    public async Task<IActionResult> Answer()
    {
        var form = await forms.Read(Request, AnswerFields, freeText: "code");
        var then = ChatAdmission.Destination(form["then"]);
        if (form.Problem != FormProblem.None)
        {
            metrics.CaptchaFailed();
            return await admission.Challenge(this, then, form.Reason);
        }

        if (await costs.Answer(this) is { } tooManyWrong)
        {
            metrics.CaptchaFailed();
            return tooManyWrong;
        }

        ChallengeAnswer answer;
        try
        {
            answer = await challenges.Answer(form["challenge"], form["code"]);
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            return this.ProblemPage(StatusCodes.Status503ServiceUnavailable, ProblemModel.ChatUnavailable);
        }

        switch (answer)
        {
            case ChallengeAnswer.Solved:
                metrics.CaptchaSolved();
                await costs.Solved(this);
                Response.Headers.CacheControl = "no-store";
                // 303: the browser follows with a GET of the chat page, whatever it posted.
                Response.Headers.Location = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(then, Passes.Parameter, passes.Issue());
                return StatusCode(StatusCodes.Status303SeeOther);
            case ChallengeAnswer.Wrong:
                metrics.CaptchaFailed();
                return await admission.Challenge(this, then, "That was not right. Here is a new challenge: type the characters in the new picture, or the digits its recording says.");
            default:
                metrics.CaptchaFailed();
                return await admission.Challenge(this, then, "That challenge has expired or was already answered. Here is a new one.");
        }
    }
}
