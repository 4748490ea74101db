using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.People;
using Remandzana.Web.Abuse;
using Remandzana.Web.Captcha;
using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Home;
using Remandzana.Web.Hosting;
using Remandzana.Web.Links;
using Remandzana.Web.Localisation;
using Remandzana.Web.Metrics;
using Remandzana.Web.Operator;
using Remandzana.Web.Options;
using Remandzana.Web.Reports;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Controllers;

[ServiceFilter<ExileGate>]
[ServiceFilter<BarGate>(Order = BarGate.Order)]
public sealed class ChatController(
    ClusterSwitchboard switchboard,
    SendTokens tokens,
    ChatStream stream,
    StreamGate streamGate,
    SiteLinks links,
    ChatAdmission captcha,
    SiteSettings site,
    SiteMetrics metrics,
    ResumeLinks resumeLinks) : Controller
{
    [HttpGet("/two")]
    public Task Two() => Converse(ChatPage.Two);

    [HttpGet("/three")]
    public Task Three() => Converse(ChatPage.Three);

    [HttpGet("/question/ask")]
    public Task Ask() => Converse(ChatPage.Ask);

    [HttpGet("/question/discuss")]
    public Task Discuss() => Converse(ChatPage.Discuss);

    [HttpGet("/global")]
    public Task Global() => Converse(ChatPage.Global);

    [HttpGet("/any")]
    public Task Any() => Converse(ChatPage.Any);

    [HttpGet("/question")]
    public async Task<IActionResult> Question()
    {
        try
        {
            return Redirect(links.To(await switchboard.SuggestQuestionSide() == QuestionSide.Ask ? ChatPage.Ask.Path : ChatPage.Discuss.Path));
        }
        catch (SwitchboardUnavailableException)
        {
            return Unavailable();
        }
    }

    /// <summary>
    /// One long response: the page preamble at once, then a line per event, until the
    /// conversation ends or the browser goes away. The person leaves the switchboard either way.
    /// </summary>
    private async Task Converse(ChatPage page)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Accel-Buffering"] = "no";
        if (site.Current.NewChatsClosed)
        {
            await Closed().ExecuteResultAsync(ControllerContext);
            return;
        }

        if (HttpContext.IsHead())
        {
            Response.ContentType = "text/html; charset=utf-8";
            return;
        }

        await using var admission = await captcha.Admit(this);
        if (admission.Refusal is { } instead)
        {
            await instead.ExecuteResultAsync(ControllerContext);
            return;
        }

        var refusal = streamGate.TryEnter(HttpContext.Connection.RemoteIpAddress, out var lease);
        if (refusal != StreamRefusal.None)
        {
            await Refuse(refusal).ExecuteResultAsync(ControllerContext);
            return;
        }

        using var _ = lease;
        Session? person;
        try
        {
            person = await switchboard.Join(page.Entry, new Preferences(LanguageChoice.For(HttpContext).Code, InterestsParameter.For(HttpContext)), RequestOrigin.Of(HttpContext));
        }
        catch (SwitchboardUnavailableException)
        {
            await Unavailable().ExecuteResultAsync(ControllerContext);
            return;
        }

        if (person is null)
        {
            await this.ProblemPage(StatusCodes.Status503ServiceUnavailable, "The server is restarting", "Start a new conversation in a moment.").ExecuteResultAsync(ControllerContext);
            return;
        }

        await StreamTo(page, person, person.Stream!);
    }

    /// <summary>
    /// A resume link (issue 25): the same person in the same room, their waiting lines first. The
    /// secret is in the query, which the request log does not print; the mode is in the path, so
    /// a link that resumes nobody still offers a new conversation of its mode.
    /// </summary>
    [HttpGet(ResumeLinks.Path + "/{**mode}")]
    public async Task Resume(string? mode, [FromQuery] string? key)
    {
        if (ChatPage.All.FirstOrDefault(page => page.Path == "/" + mode) is not { } asked)
        {
            await NotFound().ExecuteResultAsync(ControllerContext);
            return;
        }

        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Accel-Buffering"] = "no";
        if (HttpContext.IsHead())
        {
            Response.ContentType = "text/html; charset=utf-8";
            return;
        }

        var refusal = streamGate.TryEnter(HttpContext.Connection.RemoteIpAddress, out var lease);
        if (refusal != StreamRefusal.None)
        {
            await Refuse(refusal).ExecuteResultAsync(ControllerContext);
            return;
        }

        using var _ = lease;
        (Session Session, StreamLease Lease)? resumed;
        try
        {
            resumed = resumeLinks.Open(key) is { } link ? await switchboard.Resume(link) : null;
        }
        catch (SwitchboardUnavailableException)
        {
            await Unavailable().ExecuteResultAsync(ControllerContext);
            return;
        }

        if (resumed is not var (person, stream))
        {
            await this.ProblemPage(StatusCodes.Status410Gone, new ProblemModel(ResumeGone.Title, ResumeGone.Detail) { StartOver = asked.StartOver })
                .ExecuteResultAsync(ControllerContext);
            return;
        }

        await StreamTo(ChatPage.All.First(page => page.Entry == person.Entry), person, stream);
    }

    private static readonly ProblemModel ResumeGone = new(
        "This link no longer works",
        "It was used already, the wait for your return ran out, or the conversation is over. Start a new conversation.");

    /// <summary>
    /// One long response: the page preamble at once, then a line per event, until the conversation
    /// ends, the browser goes away (then the room holds them a while) or a resume link takes it over.
    /// </summary>
    private async Task StreamTo(ChatPage page, Session person, StreamLease lease)
    {
        using var open = metrics.ChatPageOpen(page.Entry);
        var clientGone = true;
        try
        {
            var state = person.Role != Role.Asker ? SendFormState.Message : person.Question is null ? SendFormState.Setup : SendFormState.Watching;
            var token = tokens.Issue(person.Id, switchboard.HomeName, isSetup: state == SendFormState.Setup);
            var form = new SendFormModel(state, token);
            var resume = links.To($"{ResumeLinks.Path}{page.Path}?key={resumeLinks.Issue(person.Id, switchboard.HomeName, person.ResumeKey)}");
            // The preamble is a Razor view that ends (releasing its writer and buffers); the lines follow straight into the body.
            await ChatStream.WritePreamble(ControllerContext, View("Chat", new ChatPageModel(page, form) { ResumeLink = resume, LeaveToken = token }));
            var ended = await stream.Write(person.Mailbox.Reader, Response.BodyWriter, HttpContext.RequestAborted, lease.TakenOver);
            clientGone = !ended && !lease.IsTakenOver;
            if (lease.IsTakenOver && !HttpContext.RequestAborted.IsCancellationRequested)
            {
                await stream.EndWith(new SystemLine(NoticeKind.Ended, Notices.TakenOver), Response.BodyWriter);
            }
        }
        finally
        {
            try
            {
                await switchboard.StreamEnded(person, lease, clientGone);
            }
            catch (SwitchboardUnavailableException)
            {
                // Their stream has ended; the room hears of it when its instance's silo is declared dead, or never needs to.
            }
        }
    }

    private ViewResult Refuse(StreamRefusal refusal) => refusal switch
    {
        StreamRefusal.SiteFull => this.ProblemPage(StatusCodes.Status503ServiceUnavailable, "The site is full", "The site is full, try again in a minute."),
        StreamRefusal.TooManyOpen => this.ProblemPage(StatusCodes.Status429TooManyRequests, "Too many open chats", "Your address has too many chat pages open. Close some of them and try again."),
        _ => this.ProblemPage(StatusCodes.Status429TooManyRequests, "Too many new chats", "Your address opened too many chats in the last minute. Wait a minute and try again."),
    };

    /// <summary>The operator's lockdown closed new chats: said so, with a time to come back; the chats already open go on.</summary>
    private ViewResult Closed()
    {
        Response.Headers.RetryAfter = ClosedPage.RetryAfterSeconds;
        var page = View(ClosedPage.View);
        page.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return page;
    }

    /// <summary>The cluster or its Redis cannot be reached: a friendly page, never a hang.</summary>
    private ViewResult Unavailable() =>
        this.ProblemPage(StatusCodes.Status503ServiceUnavailable, ProblemModel.ChatUnavailable.Title, ProblemModel.ChatUnavailable.Detail);
}
