using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Switchboards;
using Remandzana.Web.Abuse;
using Remandzana.Web.Captcha;
using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Hosting;
using Remandzana.Web.Links;
using Remandzana.Web.Metrics;
using Remandzana.Web.Localisation;
using Remandzana.Web.Matching;
using Remandzana.Web.Options;
using Remandzana.Web.Reports;
using Remandzana.Web.Security;
using Remandzana.Web.Switchboards;

namespace Remandzana.Web.Controllers;

[ServiceFilter<ExileGate>]
[ServiceFilter<BarGate>(Order = BarGate.Order)]
public sealed class ChatController(
    ClusterSwitchboard switchboard,
    SendTokens tokens,
    ChatStream stream,
    StreamGate streamGate,
    SendFloodGate floodGate,
    FormReader forms,
    ExileMarks exile,
    SiteLinks links,
    IOptions<ChatOptions> options,
    ChatAdmission captcha,
    SiteMetrics metrics) : Controller
{
    private const string NotSent = $"{ProblemModel.Unavailable}; your message was not sent. Try again in a moment.";

    private static readonly string[] SendFields = ["token", "message"];

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
        Person? person;
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
            await Problem(StatusCodes.Status503ServiceUnavailable, "The server is restarting", "Start a new conversation in a moment.").ExecuteResultAsync(ControllerContext);
            return;
        }

        using var open = metrics.ChatPageOpen(page.Entry);
        try
        {
            var form = new SendFormModel(person.Role == Role.Asker ? SendFormState.Setup : SendFormState.Message, tokens.Issue(person.Id, switchboard.HomeName, isSetup: person.Role == Role.Asker));
            // The preamble is a Razor view that ends (releasing its writer and buffers); the lines follow straight into the body.
            await ChatStream.WritePreamble(ControllerContext, View("Chat", new ChatPageModel(page, form)));
            await stream.Write(person.Mailbox.Reader, Response.BodyWriter, HttpContext.RequestAborted);
        }
        finally
        {
            try
            {
                await switchboard.Leave(person.Id);
            }
            catch (SwitchboardUnavailableException)
            {
                // Their stream has ended; the room hears of it when its instance's silo is declared dead, or never needs to.
            }
        }
    }

    private ViewResult Refuse(StreamRefusal refusal) => refusal switch
    {
        StreamRefusal.SiteFull => Problem(StatusCodes.Status503ServiceUnavailable, "The site is full", "The site is full, try again in a minute."),
        StreamRefusal.TooManyOpen => Problem(StatusCodes.Status429TooManyRequests, "Too many open chats", "Your address has too many chat pages open. Close some of them and try again."),
        _ => Problem(StatusCodes.Status429TooManyRequests, "Too many new chats", "Your address opened too many chats in the last minute. Wait a minute and try again."),
    };

    [HttpPost("/send")]
    public async Task<IActionResult> Send()
    {
        var form = await forms.Read(Request, SendFields, freeText: "message");
        var message = form["message"] ?? "";
        if (form.Problem == FormProblem.TooLarge)
        {
            return Form(new SendFormModel(SendFormState.Ended, null, "", form.Reason), StatusCodes.Status413PayloadTooLarge);
        }

        if (tokens.Read(form["token"]) is not { } sender)
        {
            // Another instance's key may be in the shared key ring that cannot be read just now.
            if (!switchboard.IsAvailable)
            {
                return Form(new SendFormModel(SendFormState.Ended, null, message, NotSent), StatusCodes.Status503ServiceUnavailable);
            }

            return form.Problem == FormProblem.Malformed
                ? Form(new SendFormModel(SendFormState.Ended, null, message, form.Reason), StatusCodes.Status400BadRequest)
                : Form(new SendFormModel(SendFormState.Ended, null, message, "This form is not valid or has expired; your message was not sent. Start a new conversation."), StatusCodes.Status403Forbidden);
        }

        var state = sender.IsSetup ? SendFormState.Setup : SendFormState.Message;
        if (form.Problem == FormProblem.Malformed)
        {
            return Form(new SendFormModel(state, Reissue(sender), message, form.Reason), StatusCodes.Status400BadRequest);
        }

        if (!floodGate.TryPass(sender.PersonId))
        {
            return Form(new SendFormModel(state, Reissue(sender), message, "Slow down: wait a moment, then send again."), StatusCodes.Status429TooManyRequests);
        }

        try
        {
            return sender.IsSetup ? await SetUpQuestion(sender, message) : await SendMessage(sender, message);
        }
        catch (SwitchboardUnavailableException)
        {
            return Form(new SendFormModel(state, Reissue(sender), message, NotSent), StatusCodes.Status503ServiceUnavailable);
        }
    }

    private async Task<IActionResult> SendMessage(SendToken sender, string message)
    {
        var (outcome, verdict) = await switchboard.Send(sender.PersonId, message, switchboard.HomeOf(sender.Home));
        return outcome switch
        {
            SendOutcome.Relayed or SendOutcome.CommandAnswered => Form(new SendFormModel(SendFormState.Message, Reissue(sender))),
            SendOutcome.NotInRoomYet => Form(new SendFormModel(SendFormState.Message, Reissue(sender), message)),
            SendOutcome.Empty => Form(new SendFormModel(SendFormState.Message, Reissue(sender), message, "Type a message first."), StatusCodes.Status400BadRequest),
            SendOutcome.TooLong => Form(new SendFormModel(SendFormState.Message, Reissue(sender), message, TooLong()), StatusCodes.Status400BadRequest),
            SendOutcome.Silenced => Form(new SendFormModel(SendFormState.Watching, SaveToken(sender), message, "You asked the question, so you can watch but not speak."), StatusCodes.Status403Forbidden),
            SendOutcome.Suppressed => Form(new SendFormModel(SendFormState.Message, Reissue(sender), message, verdict!.Notice)),
            SendOutcome.Kicked => Form(new SendFormModel(SendFormState.Ended, SaveToken(sender), message, verdict!.Notice)),
            SendOutcome.Exiled => Exiled(sender, message, verdict!.Notice),
            _ => Ended(sender, message),
        };
    }

    private async Task<IActionResult> SetUpQuestion(SendToken sender, string question)
    {
        var (outcome, refusedBy) = await switchboard.SubmitQuestion(sender.PersonId, question, switchboard.HomeOf(sender.Home));
        return outcome switch
        {
            SetupOutcome.Accepted => Form(new SendFormModel(SendFormState.Watching, SaveToken(sender))),
            SetupOutcome.Empty => Form(new SendFormModel(SendFormState.Setup, Reissue(sender), question, "Type a question first."), StatusCodes.Status400BadRequest),
            SetupOutcome.TooLong => Form(new SendFormModel(SendFormState.Setup, Reissue(sender), question, TooLong()), StatusCodes.Status400BadRequest),
            SetupOutcome.Rejected => Form(new SendFormModel(SendFormState.Setup, Reissue(sender), question, Notices.QuestionRefused(refusedBy!.Reason))),
            SetupOutcome.NotAllowed => Form(new SendFormModel(SendFormState.Watching, SaveToken(sender), question, "Your question is already set; you can watch but not speak."), StatusCodes.Status403Forbidden),
            _ => Ended(sender, question),
        };
    }

    private string Reissue(SendToken sender) => tokens.Issue(sender.PersonId, sender.Home, sender.IsSetup);

    /// <summary>A disabled form can still save the conversation (when that is on): its token is a message token, which may not speak once the form is disabled.</summary>
    private string SaveToken(SendToken sender) => tokens.Issue(sender.PersonId, sender.Home, isSetup: false);

    private Notice TooLong() => Notice.Of("That is too long: at most {0} characters.", NoticeArgument.Data(options.Value.MaxMessageLength));

    /// <summary>Kicked, and the browser marked so that chat pages refuse it from now on.</summary>
    private PartialViewResult Exiled(SendToken sender, string text, Notice notice)
    {
        exile.Mark(HttpContext);
        return Form(new SendFormModel(SendFormState.Ended, SaveToken(sender), text, notice));
    }

    private PartialViewResult Ended(SendToken sender, string text) => Form(new SendFormModel(SendFormState.Ended, SaveToken(sender), text, "The chat has ended."));

    private PartialViewResult Form(SendFormModel model, int status = StatusCodes.Status200OK)
    {
        Response.Headers.CacheControl = "no-store";
        var result = PartialView("_SendFormDocument", model);
        result.StatusCode = status;
        return result;
    }

    /// <summary>The cluster or its Redis cannot be reached: a friendly page, never a hang.</summary>
    private ViewResult Unavailable() =>
        Problem(StatusCodes.Status503ServiceUnavailable, ProblemModel.ChatUnavailable.Title, ProblemModel.ChatUnavailable.Detail);

    private ViewResult Problem(int status, Notice title, Notice detail)
    {
        var result = View("Problem", new ProblemModel(title, detail));
        result.StatusCode = status;
        return result;
    }
}
