using Microsoft.AspNetCore.Mvc;

namespace Remandzana.Web.Controllers.Operator;

public sealed class OverviewController : OperatorController
{
    /// <summary>The console's first page: the site at a glance.</summary>
    [HttpGet("/operator")]
    public IActionResult Index() => View();
}
