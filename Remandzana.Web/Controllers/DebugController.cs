using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Remandzana.Domain.Lines;
using Remandzana.Web.Abuse;
using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Debug;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Reports;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Controllers;

[DebugViewAccess]
public sealed partial class DebugController(ClusterSwitchboard switchboard, ReportStore reports, DebugKeys keys, FormReader forms, IOptions<DebugOptions> options, ILogger<DebugController> logger) : Controller
{
    private const string KeyField = "key";
    private static readonly string[] Fields = [KeyField];

    /// <summary>The form that takes a key. The key comes from the server's log: asking for this page makes it log a fresh one.</summary>
    [HttpGet("/debug")]
    public async Task<IActionResult> Index()
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        // A key that travelled in an address may sit in a proxy's log: it is spent, unused.
        if (Request.Query.ContainsKey(KeyField))
        {
            try
            {
                await keys.Spend(Request.Query[KeyField]);
            }
            catch (Exception e) when (ClusterFailure.Is(e))
            {
                return Unavailable();
            }
        }

        return KeyForm(error: null);
    }

    /// <summary>The operator's JSON view, for a key posted in the form; the key is then spent.</summary>
    [HttpPost("/debug")]
    public async Task<IActionResult> Open()
    {
        // No action parameters: binding one would make MVC read the body as a form before FormReader can check it.
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        try
        {
            var form = await forms.Read(Request, Fields, freeText: "");
            if (form.Problem != FormProblem.None || !await keys.Spend(form[KeyField]))
            {
                return KeyForm("That key is wrong, expired or already used. Enter the newest key from the server's log.");
            }

            Response.Headers.CacheControl = "no-store";
            var snapshot = await switchboard.Snapshot() with { Reports = reports.Open() };
            return new JsonResult(snapshot, DebugSnapshot.Json);
        }
        catch (Exception e) when (e is SwitchboardUnavailableException || ClusterFailure.Is(e))
        {
            return Unavailable();
        }
    }

    private ViewResult Unavailable()
    {
        return this.ProblemPage(StatusCodes.Status503ServiceUnavailable, ProblemModel.ChatUnavailable);
    }

    private ViewResult KeyForm(Notice? error)
    {
        if (keys.IssueUnlessCoolingDown() is { } fresh)
        {
            LogKey(fresh, keys.Lifetime.TotalSeconds);
        }

        Response.Headers.CacheControl = "no-store";
        var form = View("Key", new DebugKeyFormModel(error));
        form.StatusCode = StatusCodes.Status401Unauthorized;
        return form;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Debug view key {DebugKey} (opens the view once, within {Lifetime} s): enter it in the form at /debug")]
    private partial void LogKey(string debugKey, double lifetime);
}
