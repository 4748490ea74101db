using Microsoft.AspNetCore.Mvc;
using Remandzana.Domain.Lines;

namespace Remandzana.Web.Chat;

public static class ProblemPages
{
    /// <summary>
    /// The site's one answer for a refusal or an error: <paramref name="problem"/> in the viewer's
    /// language with <paramref name="status"/>, never stored (what it says holds for this moment).
    /// </summary>
    public static ViewResult ProblemPage(this Controller controller, int status, ProblemModel problem)
    {
        controller.Response.Headers.CacheControl = "no-store";
        var page = controller.View("Problem", problem);
        page.StatusCode = status;
        return page;
    }

    public static ViewResult ProblemPage(this Controller controller, int status, Notice title, Notice detail) =>
        controller.ProblemPage(status, new ProblemModel(title, detail));
}
