using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Remandzana.Web.Chat;
using Remandzana.Web.Debug;
using Remandzana.Web.Options;
using Remandzana.Web.Reports;
using Remandzana.Web.Security;
using Remandzana.Web.Cluster;
using Remandzana.Web.Switchboards;

namespace Remandzana.Web.Controllers;

public sealed partial class DebugController(ClusterSwitchboard switchboard, ReportStore reports, DebugKeys keys, IOptions<DebugOptions> options, ILogger<DebugController> logger) : Controller
{
    /// <summary>The operator's JSON view. The key comes from the server's log: a request without one makes it log a fresh key.</summary>
    [HttpGet("/debug")]
    public async Task<IActionResult> Index([FromQuery(Name = "key")] string? key)
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        if (!keys.IsValid(key))
        {
            if (keys.IssueUnlessCoolingDown() is { } fresh)
            {
                LogKey(keys.Lifetime.TotalSeconds, fresh);
            }

            var refusal = View("Problem", new ProblemModel("A key is needed", "Open this page with the key from the server's log: /debug?key=…"));
            refusal.StatusCode = StatusCodes.Status401Unauthorized;
            return refusal;
        }

        try
        {
            var snapshot = await switchboard.Snapshot() with { Reports = reports.Open() };
            return new JsonResult(snapshot, DebugSnapshot.Json);
        }
        catch (SwitchboardUnavailableException)
        {
            var unavailable = View("Problem", ProblemModel.ChatUnavailable);
            unavailable.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return unavailable;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Debug view key (valid {Lifetime} s), open /debug?key={DebugKey}")]
    private partial void LogKey(double lifetime, string debugKey);
}
