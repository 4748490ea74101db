using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Web.Abuse;
using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Hosting;
using Remandzana.Web.Reports;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Controllers;

/// <summary>The Report button of the send form: the reporter's last lines and whom they reported go to the operator.</summary>
public sealed class ReportController(ClusterSwitchboard switchboard, SendTokens tokens, FormReader forms, ReportStore store, OriginHashes hashes, ReportMetrics metrics) : Controller
{
    private const string FullNotice = "The operator has too many reports to read just now, so nothing was reported. Try again later.";

    private static readonly string[] ReportFields = ["token"];

    [HttpPost("/report")]
    [EnableRateLimiting(ReportServices.RateLimitPolicy)]
    public async Task<IActionResult> Report()
    {
        var form = await forms.Read(Request, ReportFields, freeText: "");
        if (form.Problem == FormProblem.TooLarge)
        {
            return Answer(form.Reason!, HttpStatusCode.RequestEntityTooLarge);
        }

        if (tokens.Read(form["token"]) is not { } reporter)
        {
            if (!switchboard.IsAvailable)
            {
                return Answer($"{ProblemModel.Unavailable}; nothing was reported. Try again in a moment.", HttpStatusCode.ServiceUnavailable);
            }

            return form.Problem == FormProblem.Malformed
                ? Answer(form.Reason!, HttpStatusCode.BadRequest)
                : Answer("This form is not valid or has expired; nothing was reported.", HttpStatusCode.Forbidden);
        }

        if (store.RefusesMore())
        {
            // Refused before the room hears of it: the conversation goes on, and the person is told plainly.
            return new SendFormResult(
                new SendFormModel(SendFormState.Message, tokens.Issue(reporter.PersonId, reporter.Home, reporter.IsSetup), "", new Notice(FullNotice)),
                StatusCodes.Status503ServiceUnavailable);
        }

        try
        {
            // Before the room hears of it: a report that could not be stored must not end the conversation.
            hashes.Prepare();
        }
        catch (OriginHashKeyUnavailableException)
        {
            return Answer($"{ProblemModel.Unavailable}; nothing was reported. Try again in a moment.", HttpStatusCode.ServiceUnavailable);
        }

        ReportMaterial material;
        try
        {
            material = await switchboard.Report(reporter.PersonId, switchboard.HomeOf(reporter.Home));
        }
        catch (SwitchboardUnavailableException)
        {
            return Answer($"{ProblemModel.Unavailable}; nothing was reported. Try again in a moment.", HttpStatusCode.ServiceUnavailable);
        }

        switch (material.Outcome)
        {
            case ReportOutcome.NobodyYet:
                return SendForm(new SendFormModel(SendFormState.Message, tokens.Issue(reporter.PersonId, reporter.Home, reporter.IsSetup), "", Notices.NobodyToReport));
            case ReportOutcome.Departed:
                return Answer("The chat has ended; nothing was reported.", HttpStatusCode.OK);
        }

        string? stored;
        try
        {
            stored = await store.AddAsync(
                material.Mode ?? "",
                (material.Reported ?? []).Select(reported => (reported.Name, new Origin(reported.Origin))),
                (material.Lines ?? []).Select(line => new ReportLine(line.At, line.Text)));
        }
        catch (OriginHashKeyUnavailableException)
        {
            return Answer($"{ProblemModel.Unavailable}; nothing was reported. Try again in a moment.", HttpStatusCode.ServiceUnavailable);
        }

        if (stored is null)
        {
            // The folder filled up meanwhile: the conversation has ended already, and nothing was kept.
            return Answer(FullNotice, HttpStatusCode.ServiceUnavailable);
        }

        metrics.Stored(material.Mode ?? "");
        // Global chat is one room for everyone: there is nobody to keep apart there.
        var avoid = material.Mode == nameof(Domain.Rooms.Mode.Global) ? null : tokens.Issue(reporter.PersonId, reporter.Home, isSetup: false);
        return Answer(Notices.ReportThanks, HttpStatusCode.OK, avoid);
    }

    private PartialViewResult Answer(Notice message, HttpStatusCode status, string? avoidToken = null)
    {
        Response.Headers.CacheControl = "no-store";
        var result = PartialView("_ReportAnswerDocument", new ReportAnswerModel(message, avoidToken));
        result.StatusCode = (int)status;
        return result;
    }

    private static SendFormResult SendForm(SendFormModel model) => new(model);
}
