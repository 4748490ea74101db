using Microsoft.AspNetCore.Mvc;
using Remandzana.Web.Operator;

namespace Remandzana.Web.Controllers.Operator;

public sealed class OverviewController(SiteOverview overview) : OperatorController
{
    /// <summary>The console's first page: the site and each instance at a glance, with the last hour drawn.</summary>
    [HttpGet("/operator")]
    public async Task<IActionResult> Index() => View(await overview.Gather());
}
