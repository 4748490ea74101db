using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remandzana.Web.Controllers.Operator;
using Remandzana.Web.Operator;

namespace Remandzana.Tests.OperatorConsole;

/// <summary>An Admin-only console page that exists only in the tests that add it (<see cref="ConsoleSignInOverHttp"/>), until the real ones merge.</summary>
[Authorize(Policy = OperatorPolicies.Admin)]
public sealed class AdminOnlyStubController : OperatorController
{
    public const string Path = "/operator/test-admin-only";

    [HttpGet(Path)]
    public IActionResult Index() => Content("admin only");
}
