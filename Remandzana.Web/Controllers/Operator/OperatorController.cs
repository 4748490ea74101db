using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remandzana.Web.Operator;

namespace Remandzana.Web.Controllers.Operator;

/// <summary>
/// Every console page's controller. Moderators and Admins only (an Admin-only action adds
/// <c>[Authorize(Policy = OperatorPolicies.Admin)]</c>); every answer is <c>no-store</c> and never
/// framed (<see cref="ConsoleHeaders"/>, set by the console's pipeline for every answer, a refusal
/// included); every request but GET and HEAD needs a valid operator form token
/// (<see cref="OperatorFormTokenCheckAttribute"/>), else it is refused with a 403 page and nothing is done.
/// </summary>
[OperatorConsole]
[Authorize(Policy = OperatorPolicies.Moderator)]
[OperatorFormTokenCheck]
public abstract class OperatorController : Controller
{
    /// <summary>The signed-in operator's name (<c>Remandzana:Operators:{name}</c>).</summary>
    protected string OperatorName => User.Identity?.Name ?? throw new InvalidOperationException("The console is for signed-in operators only.");

    /// <summary>Whether the signed-in operator is an Admin.</summary>
    protected bool IsAdmin => User.IsInRole(OperatorRoles.Admin);
}
