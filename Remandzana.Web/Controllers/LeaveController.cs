using Microsoft.AspNetCore.Mvc;
using Remandzana.Web.Abuse;
using Remandzana.Web.Chat;
using Remandzana.Web.Links;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Controllers;

/// <summary>
/// "Yes, end it" (issue 25): a post with the person's token, so the server can tell leaving on
/// purpose from a dropped connection. They leave at once (their partner is told at once), then go
/// to a new conversation of the mode they chose.
/// </summary>
public sealed class LeaveController(ClusterSwitchboard switchboard, SendTokens tokens, FormReader forms, SiteLinks links) : Controller
{
    public const string Path = "/leave";

    private static readonly string[] Fields = ["token", "next"];

    [HttpPost(Path)]
    public async Task<IActionResult> Leave()
    {
        var form = await forms.Read(Request, Fields, freeText: "");
        // A token that does not open makes nobody leave; the person still gets the conversation they asked for.
        if (tokens.Read(form["token"]) is { } person)
        {
            try
            {
                await switchboard.LeaveOnPurpose(person.PersonId, switchboard.HomeOf(person.Home));
            }
            catch (SwitchboardUnavailableException)
            {
                return this.ProblemPage(StatusCodes.Status503ServiceUnavailable, ProblemModel.ChatUnavailable.Title, ProblemModel.ChatUnavailable.Detail);
            }
            catch (FormatException)
            {
                // A home that is no silo address: nobody to tell.
            }
        }

        var next = ChatPage.All.FirstOrDefault(page => page.Path == form["next"])?.Path ?? "/";
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Location = links.To(next);
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
