using Microsoft.AspNetCore.Mvc;
using Remandzana.Domain.Moderation;
using Remandzana.Web.Operator;
using Remandzana.Web.Reports;

namespace Remandzana.Web.Controllers.Operator;

/// <summary>/operator/reports: the reports newest first, with their lines as the reporter read them, and the operator's decisions on them.</summary>
public sealed class ReportsController(ReportStore store, BarsApplied bars, IOperatorAudit audit, TimeProvider time) : OperatorController
{
    private const int PerPage = 20;
    private const string ViewPath = "/Views/Operator/Reports/Index.cshtml";

    [HttpGet("/operator/reports")]
    public IActionResult Index([FromQuery] string? show, [FromQuery] int page = 1, [FromQuery] string? file = null, [FromQuery] string? done = null)
    {
        if (file is not null)
        {
            return One(file, done, attempt: null, StatusCodes.Status200OK);
        }

        var closed = show == "closed";
        page = Math.Max(1, page);
        var listed = store.Listed(closed);
        var shown = listed.Skip((page - 1) * PerPage).Take(PerPage).Select(Card).ToList();
        return View(ViewPath, new ReportsPageModel(shown, closed, page, listed.Count > page * PerPage, OneFile: null, ConsoleShown.DoneText(done), Attempt: null));
    }

    /// <summary>Bars one name of a report for a day, 30 days, for good or until a date (the button pressed: <c>length</c>).</summary>
    [HttpPost("/operator/reports/bar")]
    public async Task<IActionResult> Bar()
    {
        var form = await Request.ReadFormAsync();
        var file = form.One("file");
        var origin = form.One("origin");
        var date = form.One("until") ?? "";
        if (store.Find(file) is not { } report || !int.TryParse(form.One("person"), out var person) || person < 0 || person >= report.Report.Reported.Count || origin is null)
        {
            return Gone();
        }

        var problem = BarTerm.End(BarTerm.LengthNamed(form.One("length")), date, time.GetUtcNow(), out var until);
        if (problem != BarProblem.None)
        {
            var why = problem switch
            {
                BarProblem.NoDate => "To bar until a date, give the date (year-month-day, e.g. 2027-01-31).",
                BarProblem.DateNotAfterToday => "That date is today or gone: a bar until a date ends after today (UTC).",
                _ => "Choose how long: a day, 30 days, for good or until a date.",
            };
            return One(report.File, done: null, new ConsoleAttempt(report.File, person, why, date), StatusCodes.Status400BadRequest);
        }

        if (store.Bar(report.File, person, origin, until, OperatorName) is not { } changed)
        {
            return Changed(report.File);
        }

        await bars.Now(HttpContext.RequestAborted);
        var name = changed.Reported[person].Name;
        await audit.RecordAsync(OperatorName, "bar", $"Barred \"{name}\" ({ConsoleShown.Origin(origin)}) {ConsoleShown.Until(until)}, report {report.File}");
        return Back(report.File, "barred");
    }

    /// <summary>Closes a report without a bar.</summary>
    [HttpPost("/operator/reports/dismiss")]
    public async Task<IActionResult> Dismiss()
    {
        var form = await Request.ReadFormAsync();
        if (store.Find(form.One("file")) is not { } report || store.Dismiss(report.File) is null)
        {
            return Gone();
        }

        await audit.RecordAsync(OperatorName, "dismiss", $"Dismissed report {report.File}");
        return Back(report.File, "dismissed");
    }

    /// <summary>Opens a closed report again (once its bars have ended or been lifted).</summary>
    [HttpPost("/operator/reports/reopen")]
    public async Task<IActionResult> Reopen()
    {
        var form = await Request.ReadFormAsync();
        if (store.Find(form.One("file")) is not { } report)
        {
            return Gone();
        }

        if (Card(report).Barred)
        {
            return One(report.File, done: null, new ConsoleAttempt(report.File, Person: null, "A bar in this report still holds: lift it on the Bars page first, then reopen the report.", ""), StatusCodes.Status409Conflict);
        }

        if (store.Reopen(report.File) is null)
        {
            return Gone();
        }

        // A bar that had ended is forgotten: nothing for the instances to change, but say so to them all the same.
        await bars.Now(HttpContext.RequestAborted);
        await audit.RecordAsync(OperatorName, "reopen", $"Reopened report {report.File}");
        return Back(report.File, "reopened");
    }

    private ViewResult One(string file, string? done, ConsoleAttempt? attempt, int status)
    {
        var report = store.Find(file);
        var page = View(ViewPath, new ReportsPageModel(report is null ? [] : [Card(report)], Closed: report is not null && ReportStore.IsClosed(report.Report), 1, More: false, OneFile: file, ConsoleShown.DoneText(done), attempt));
        page.StatusCode = report is null ? StatusCodes.Status404NotFound : status;
        return page;
    }

    private ReportCard Card(ReportView report)
    {
        var now = time.GetUtcNow();
        return new ReportCard(
            report.File,
            report.Report,
            report.Report.Reported
                .Select((person, index) => (person, index, until: store.BarEnd(report.Report, person)))
                .Select(each => new ReportedCard(each.index, each.person.Name, each.person.Origin, each.until, each.person.BarredBy, each.until > now))
                .ToList());
    }

    private ViewResult Gone()
    {
        var page = View(ViewPath, new ReportsPageModel([], Closed: false, 1, More: false, OneFile: null, Done: null, new ConsoleAttempt(null, null, "There is no such report here (it may have been deleted, or be in another instance's folder).", "")));
        page.StatusCode = StatusCodes.Status404NotFound;
        return page;
    }

    private ViewResult Changed(string file) =>
        One(file, done: null, new ConsoleAttempt(file, null, "The report changed since the page was read (edited by hand?): look at it again and choose again.", ""), StatusCodes.Status409Conflict);

    private static RedirectResult Back(string file, string done) =>
        new($"/operator/reports?file={Uri.EscapeDataString(file)}&done={done}", permanent: false) { PreserveMethod = false };
}
