using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Web.Operator;
using Remandzana.Web.Reports;

namespace Remandzana.Web.Controllers.Operator;

/// <summary>A Moderator removes someone from global chat by nickname, or the people a report names, with a message and an optional bar.</summary>
public sealed class KickController(Kicks kicks, ReportStore reports, IOperatorAudit audit) : OperatorController
{
    [HttpGet("/operator/kick")]
    public IActionResult Index([FromQuery] string? report)
    {
        if (string.IsNullOrEmpty(report))
        {
            return View(new KickPageModel(new KickForm(), Report: null, Problem: null, Done: null));
        }

        if (reports.Find(report)?.Report is not { } found)
        {
            return NoSuchReport(new KickForm(Report: report));
        }

        return View(new KickPageModel(new KickForm(Report: report), found, Problem: null, Done: null));
    }

    [HttpPost("/operator/kick")]
    public async Task<IActionResult> Kick(
        [FromForm] string? nickname,
        [FromForm] string? report,
        [FromForm] string? message,
        [FromForm] string? barMinutes,
        CancellationToken cancellation)
    {
        var typed = new KickForm(nickname ?? "", report ?? "", message ?? "", barMinutes ?? "");
        var reported = string.IsNullOrEmpty(typed.Report) ? null : reports.Find(typed.Report)?.Report;
        if (!string.IsNullOrEmpty(typed.Report) && reported is null)
        {
            return NoSuchReport(typed);
        }

        if (reported is null && !Nickname.TryCreate(typed.Nickname.Trim(), out _))
        {
            return Refused(typed, null, string.IsNullOrWhiteSpace(typed.Nickname)
                ? "Type the nickname as global chat shows it."
                : $"Nobody can go by \"{typed.Nickname}\": {Nickname.Rule}");
        }

        if (KickOrder.TryCreate(typed.Message, typed.BarMinutes, out var problem) is not { } order)
        {
            return Refused(typed, reported, problem!);
        }

        KickOutcome outcome;
        string detail;
        if (reported is not null)
        {
            outcome = (await kicks.Reported(typed.Report, order, cancellation))!;
            detail = $"the people report {typed.Report} names";
        }
        else
        {
            outcome = await kicks.Nicknamed(typed.Nickname, order, cancellation);
            detail = $"\"{typed.Nickname.Trim()}\" in global chat";
        }

        var bar = outcome.BarredUntil is { } until ? $"; barred until {until.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC" : "";
        await audit.RecordAsync(OperatorName, "kick", $"{detail}: {outcome.Removed.Count} removed{bar}; message: {order.Message}");
        if (outcome.Removed.Count == 0 && reported is null)
        {
            return View("Index", new KickPageModel(typed, null, $"Nobody in global chat goes by \"{typed.Nickname.Trim()}\" just now. Type the nickname as it is shown (any case).", Done: null));
        }

        var done = outcome.Removed.Count == 0
            ? $"Nobody the report names is in a conversation just now{bar}."
            : $"Removed {outcome.Removed.Count}: {string.Join(", ", outcome.Removed)}{bar}.";
        return View("Index", new KickPageModel(new KickForm(Report: typed.Report), reported, Problem: null, done));
    }

    private ViewResult NoSuchReport(KickForm typed)
    {
        var page = View("Index", new KickPageModel(typed with { Report = "" }, null, $"There is no report \"{typed.Report}\" (it may have been deleted): kick by nickname instead.", Done: null));
        page.StatusCode = StatusCodes.Status404NotFound;
        return page;
    }

    private ViewResult Refused(KickForm typed, ReportEntry? report, string problem)
    {
        var page = View("Index", new KickPageModel(typed, report, problem, Done: null));
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
