using Microsoft.AspNetCore.Mvc;
using Remandzana.Web.Operator;

namespace Remandzana.Web.Controllers.Operator;

public sealed class AuditController(IOperatorAudit audit) : OperatorController
{
    private const int Shown = 200;
    private const int MaxNoteLength = 500;

    /// <summary>The newest entries of this instance's audit log, and a form to add a note to it.</summary>
    [HttpGet("/operator/audit")]
    public async Task<IActionResult> Index() => View(new AuditPageModel(await audit.RecentAsync(Shown), Shown, Problem: null));

    /// <summary>A note in the log, in the operator's words (what was looked into, a hand-over): an action like any other.</summary>
    [HttpPost("/operator/audit/note")]
    public async Task<IActionResult> Note()
    {
        var note = Request.Form.TryGetValue("note", out var values) && values.Count == 1 ? AuditNote.Clean(values[0]) : "";
        if (note.Length is 0 or > MaxNoteLength)
        {
            var page = View("Index", new AuditPageModel(await audit.RecentAsync(Shown), Shown, $"A note is 1 to {MaxNoteLength} characters."));
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        await audit.RecordAsync(OperatorName, "note", note);
        // 303: the browser asks for the page again with GET, so a reload does not post the note twice.
        Response.Headers.Location = "/operator/audit";
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
