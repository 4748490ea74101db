using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Remandzana.Domain.Messages;
using Remandzana.Web.Cluster;
using Remandzana.Web.Feedback;
using Remandzana.Web.Operator;
using Remandzana.Web.Options;

namespace Remandzana.Web.Controllers.Operator;

/// <summary>/operator/feedback: every feedback entry newest first, published or not, and what the operator does with them; the same files as the public /feedback page reads.</summary>
public sealed class FeedbackConsoleController(FeedbackStore store, OperatorChanges changes, IOperatorAudit audit, IOptions<FeedbackOptions> options) : OperatorController
{
    private const int PerPage = 50;
    private const string ViewPath = "/Views/Operator/Feedback/Index.cshtml";

    [HttpGet("/operator/feedback")]
    public IActionResult Index([FromQuery] int page = 1, [FromQuery] string? done = null) => Page(Math.Max(1, page), ConsoleShown.DoneText(done), attempt: null, StatusCodes.Status200OK);

    [HttpPost("/operator/feedback/publish")]
    public Task<IActionResult> Publish() => Show(visible: true);

    [HttpPost("/operator/feedback/hide")]
    public Task<IActionResult> Hide() => Show(visible: false);

    /// <summary>Sets (or changes) the operator's reply under an entry.</summary>
    [HttpPost("/operator/feedback/reply")]
    public async Task<IActionResult> Reply()
    {
        var form = await Request.ReadFormAsync();
        var typed = form.One("reply") ?? "";
        if (store.Find(form.One("file")) is not { } entry)
        {
            return Gone();
        }

        if (Refusal(typed, "Type a reply first.", out var text) is { } why)
        {
            return Page(1, done: null, new ConsoleAttempt(entry.File, null, why, typed), StatusCodes.Status400BadRequest);
        }

        if (store.Reply(entry.File, text) is null)
        {
            return Gone();
        }

        return await Done("reply", $"Replied to feedback {entry.File}", "replied");
    }

    [HttpPost("/operator/feedback/delete")]
    public async Task<IActionResult> Delete()
    {
        var form = await Request.ReadFormAsync();
        if (store.Find(form.One("file")) is not { } entry || !store.Delete(entry.File))
        {
            return Gone();
        }

        return await Done("delete", $"Deleted feedback {entry.File}", "deleted");
    }

    /// <summary>Writes an operator notice: a published entry marked "Operator notice" on the feedback page.</summary>
    [HttpPost("/operator/feedback/notice")]
    public async Task<IActionResult> Notice()
    {
        var form = await Request.ReadFormAsync();
        var typed = form.One("notice") ?? "";
        if (Refusal(typed, "Type the notice first.", out var text) is { } why)
        {
            return Page(1, done: null, new ConsoleAttempt(null, null, why, typed, Notice: true), StatusCodes.Status400BadRequest);
        }

        if (await store.AddNoticeAsync(text) is not { } path)
        {
            return Page(1, done: null, new ConsoleAttempt(null, null, $"The feedback folder is full (Remandzana:Feedback:MaxFiles, {options.Value.MaxFiles} files): delete some entries first.", typed, Notice: true), StatusCodes.Status503ServiceUnavailable);
        }

        return await Done("notice", $"Published an operator notice, feedback {Path.GetFileName(path)}", "notice");
    }

    private async Task<IActionResult> Show(bool visible)
    {
        var form = await Request.ReadFormAsync();
        if (store.Find(form.One("file")) is not { } entry || store.Show(entry.File, visible) is null)
        {
            return Gone();
        }

        return visible
            ? await Done("publish", $"Published feedback {entry.File}", "published")
            : await Done("hide", $"Hid feedback {entry.File}", "hidden");
    }

    /// <summary>Why a reply or notice is refused (empty, too long), or null; <paramref name="text"/> is what is stored (normalised, trimmed).</summary>
    private string? Refusal(string typed, string empty, out string text) =>
        MessageText.Check(typed, options.Value.MaxMessageLength, out text) switch
        {
            MessageText.Problem.Empty => empty,
            MessageText.Problem.TooLong => $"That is too long: at most {options.Value.MaxMessageLength} characters (Remandzana:Feedback:MaxMessageLength).",
            _ => null,
        };

    private async Task<IActionResult> Done(string action, string detail, string done)
    {
        changes.Announce(OperatorChange.Feedback);
        await audit.RecordAsync(OperatorName, action, detail);
        return new RedirectResult($"/operator/feedback?done={done}", permanent: false) { PreserveMethod = false };
    }

    private ViewResult Page(int page, string? done, ConsoleAttempt? attempt, int status)
    {
        var all = store.All();
        if (attempt?.File is { } file && all.ToList().FindIndex(entry => entry.File == file) is >= 0 and var at)
        {
            // The refused form is shown again where it was: on the page that holds its entry.
            page = (at / PerPage) + 1;
        }

        var view = View(ViewPath, new FeedbackConsolePageModel(all.Skip((page - 1) * PerPage).Take(PerPage).ToList(), page, all.Count > page * PerPage, options.Value.MaxMessageLength, done, attempt));
        view.StatusCode = status;
        return view;
    }

    private ViewResult Gone() =>
        Page(1, done: null, new ConsoleAttempt(null, null, "There is no such feedback entry here (deleted already?).", ""), StatusCodes.Status404NotFound);
}
