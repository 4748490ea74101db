using Microsoft.AspNetCore.Mvc;
using Remandzana.Web.Operator;
using Remandzana.Web.Reports;

namespace Remandzana.Web.Controllers.Operator;

/// <summary>/operator/bars: every bar in force in this instance's report files, each with Lift.</summary>
public sealed class BarsController(ReportStore store, BarsApplied bars, IOperatorAudit audit, TimeProvider time) : OperatorController
{
    private const string ViewPath = "/Views/Operator/Bars/Index.cshtml";

    [HttpGet("/operator/bars")]
    public IActionResult Index([FromQuery] string? done = null) =>
        View(ViewPath, new BarsPageModel(store.InForce(time.GetUtcNow()), ConsoleShown.DoneText(done), Problem: null));

    /// <summary>Ends a bar now: written into its report (<c>"barredUntil"</c> becomes now) and shared with every instance at once.</summary>
    [HttpPost("/operator/bars/lift")]
    public async Task<IActionResult> Lift()
    {
        var form = await Request.ReadFormAsync();
        var origin = form.One("origin");
        if (store.Find(form.One("file")) is not { } report || !int.TryParse(form.One("person"), out var person) || origin is null
            || store.Lift(report.File, person, origin, OperatorName) is not { } changed)
        {
            var page = View(ViewPath, new BarsPageModel(store.InForce(time.GetUtcNow()), Done: null, "That bar is not in this instance's reports any more (lifted already, its report deleted or edited?)."));
            page.StatusCode = StatusCodes.Status404NotFound;
            return page;
        }

        await bars.Now(HttpContext.RequestAborted);
        await audit.RecordAsync(OperatorName, "lift", $"Lifted the bar on \"{changed.Reported[person].Name}\" ({ConsoleShown.Origin(origin)}), report {report.File}");
        return new RedirectResult("/operator/bars?done=lifted", permanent: false) { PreserveMethod = false };
    }
}
