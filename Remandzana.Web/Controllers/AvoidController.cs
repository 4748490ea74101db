using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Remandzana.Domain.Lines;
using Remandzana.Web.Abuse;
using Remandzana.Web.Avoiding;
using Remandzana.Web.Chat;
using Remandzana.Web.Options;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Controllers;

/// <summary>
/// "Don't match me with them again", from an ended send form or a report's answer: the token names
/// the person, and the matchmaker, which formed their last room, keeps their origin and the others'
/// apart. The form carries nobody's origin.
/// </summary>
public sealed class AvoidController(ClusterSwitchboard switchboard, SendTokens tokens, FormReader forms, SendFloodGate floodGate, IOptions<MatchingOptions> matching) : Controller
{
    public const string Path = "/avoid";

    private static readonly string[] Fields = ["token"];

    [HttpPost(Path)]
    public async Task<IActionResult> Avoid()
    {
        var form = await forms.Read(Request, Fields, freeText: "");
        if (form.Problem == FormProblem.TooLarge)
        {
            return Answer(AvoidAnswerModel.Refused(form.Reason!), HttpStatusCode.RequestEntityTooLarge);
        }

        if (tokens.Read(form["token"]) is not { } person)
        {
            if (!switchboard.IsAvailable)
            {
                return Answer(AvoidAnswerModel.Refused(AvoidWords.Unavailable), HttpStatusCode.ServiceUnavailable);
            }

            return form.Problem == FormProblem.Malformed
                ? Answer(AvoidAnswerModel.Refused(form.Reason!), HttpStatusCode.BadRequest)
                : Answer(AvoidAnswerModel.Refused(AvoidWords.Forged), HttpStatusCode.Forbidden);
        }

        if (!floodGate.TryPass(person.PersonId))
        {
            return Answer(AvoidAnswerModel.Refused(AvoidWords.SlowDown), HttpStatusCode.TooManyRequests);
        }

        try
        {
            if (await switchboard.AvoidLastCompany(person.PersonId) is not { } company)
            {
                return Answer(AvoidAnswerModel.Refused(AvoidWords.Forgotten), HttpStatusCode.Gone);
            }

            var page = ChatPage.All.First(page => page.Entry == company.Entry);
            return Answer(new AvoidAnswerModel(AvoidWords.Done(company, matching.Value.AvoidHours), true, page.StartOver), HttpStatusCode.OK);
        }
        catch (SwitchboardUnavailableException)
        {
            return Answer(AvoidAnswerModel.Refused(AvoidWords.Unavailable), HttpStatusCode.ServiceUnavailable);
        }
    }

    private PartialViewResult Answer(AvoidAnswerModel model, HttpStatusCode status)
    {
        Response.Headers.CacheControl = "no-store";
        var result = PartialView("_AvoidAnswerDocument", model);
        result.StatusCode = (int)status;
        return result;
    }
}
