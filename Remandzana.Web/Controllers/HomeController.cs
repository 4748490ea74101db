using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Web.Chat;
using Remandzana.Web.Home;
using Remandzana.Web.Hosting;

namespace Remandzana.Web.Controllers;

public sealed class HomeController(PeopleOnline online) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index([FromQuery(Name = InterestsParameter.Parameter)] string? interests)
    {
        var valid = Interests.TryParse(interests, out _);
        return View(new HomePageModel(interests ?? "", valid, await online.PerEntry()));
    }

    [HttpGet("/about")]
    public IActionResult About() => View();

    /// <summary>
    /// Status-code pages (404 and friends) in the site's own look, for any method (a refused POST is
    /// re-executed as a POST). Only a status this site answered with, re-executed, gets its page;
    /// asked for directly, or for any other number, this is not a page: 404.
    /// </summary>
    [Route("/status/{code:int}")]
    public IActionResult Status(int code)
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null || !SiteStatuses.IsOwn(code))
        {
            code = StatusCodes.Status404NotFound;
        }

        return this.ProblemPage(code, code switch
        {
            StatusCodes.Status403Forbidden => new ProblemModel("Not open to you", "This address is for the site's operator only."),
            StatusCodes.Status404NotFound => new ProblemModel("Not found", "There is no page at this address."),
            StatusCodes.Status429TooManyRequests => new ProblemModel("Slow down", "You have sent that several times in a short while. Wait a few minutes and try again."),
            _ => new ProblemModel(Notice.Of("Error {0}", NoticeArgument.Data(code)), "Something went wrong. Try again from the home page."),
        });
    }
}
