using Microsoft.Extensions.Options;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Web.Abuse;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Chat;

/// <summary>
/// POST /send, the path of every message: the strict form, the token, the flood gate, the
/// switchboard, then the next form. An endpoint of its own rather than a controller action, since
/// it runs once per message: the middleware before it (forwarded headers, language, security
/// headers, passes) still applies; MVC's action pipeline and view engine do not.
/// </summary>
public sealed class SendEndpoint(
    ClusterSwitchboard switchboard,
    SendTokens tokens,
    SendFloodGate floodGate,
    FormReader forms,
    ExileMarks exile,
    SendFormDocument document,
    IOptions<ChatOptions> options)
{
    public const string Path = "/send";

    private const string NotSent = $"{ProblemModel.Unavailable}; your message was not sent. Try again in a moment.";

    private static readonly string[] SendFields = ["token", "message"];

    public async Task Handle(HttpContext context)
    {
        var (form, status) = await Answer(context);
        await document.Write(context, form, status);
    }

    private async Task<(SendFormModel Form, int Status)> Answer(HttpContext context)
    {
        var form = await forms.Read(context.Request, SendFields, freeText: "message");
        var message = form["message"] ?? "";
        if (form.Problem == FormProblem.TooLarge)
        {
            return (new SendFormModel(SendFormState.Ended, null, "", form.Reason), StatusCodes.Status413PayloadTooLarge);
        }

        if (tokens.Read(form["token"]) is not { } sender)
        {
            // Another instance's key may be in the shared key ring that cannot be read just now.
            if (!switchboard.IsAvailable)
            {
                return (new SendFormModel(SendFormState.Ended, null, message, NotSent), StatusCodes.Status503ServiceUnavailable);
            }

            return form.Problem == FormProblem.Malformed
                ? (new SendFormModel(SendFormState.Ended, null, message, form.Reason), StatusCodes.Status400BadRequest)
                : (new SendFormModel(SendFormState.Ended, null, message, "This form is not valid or has expired; your message was not sent. Start a new conversation."), StatusCodes.Status403Forbidden);
        }

        var state = sender.IsSetup ? SendFormState.Setup : SendFormState.Message;
        if (form.Problem == FormProblem.Malformed)
        {
            return (new SendFormModel(state, Reissue(sender), message, form.Reason), StatusCodes.Status400BadRequest);
        }

        if (!floodGate.TryPass(sender.PersonId))
        {
            return (new SendFormModel(state, Reissue(sender), message, "Slow down: wait a moment, then send again."), StatusCodes.Status429TooManyRequests);
        }

        try
        {
            var (answer, status) = sender.IsSetup ? await SetUpQuestion(sender, message) : await SendMessage(context, sender, message);
            // An ended form offers "Don't match me with them again" when there is someone to keep apart (never in global chat).
            return answer is { State: SendFormState.Ended, Token: not null }
                ? (answer with { CanAvoid = await switchboard.RemembersLastCompany(sender.PersonId) }, status)
                : (answer, status);
        }
        catch (SwitchboardUnavailableException)
        {
            return (new SendFormModel(state, Reissue(sender), message, NotSent), StatusCodes.Status503ServiceUnavailable);
        }
    }

    private async Task<(SendFormModel, int)> SendMessage(HttpContext context, SendToken sender, string message)
    {
        // The verdict is the room's, as it was reached: this instance shows it and never judges again.
        var (outcome, verdict, room) = await switchboard.Send(sender.PersonId, message, switchboard.HomeOf(sender.Home), sender.Room);
        // The room that took it is named in the next token, so the next message goes straight there.
        sender = sender with { Room = room ?? sender.Room };
        return (outcome, verdict) switch
        {
            (SendOutcome.Relayed or SendOutcome.CommandAnswered, _) => (new SendFormModel(SendFormState.Message, Reissue(sender)), StatusCodes.Status200OK),
            (SendOutcome.NotInRoomYet, _) => (new SendFormModel(SendFormState.Message, Reissue(sender), message), StatusCodes.Status200OK),
            (SendOutcome.Empty, _) => (new SendFormModel(SendFormState.Message, Reissue(sender), message, "Type a message first."), StatusCodes.Status400BadRequest),
            (SendOutcome.TooLong, _) => (new SendFormModel(SendFormState.Message, Reissue(sender), message, TooLong()), StatusCodes.Status400BadRequest),
            (SendOutcome.Silenced, _) => (new SendFormModel(SendFormState.Watching, SaveToken(sender), message, "You asked the question, so you can watch but not speak."), StatusCodes.Status403Forbidden),
            (SendOutcome.Suppressed, { } suppressed) => (new SendFormModel(SendFormState.Message, Reissue(sender), message, suppressed.Notice), StatusCodes.Status200OK),
            (SendOutcome.Kicked, { } kicked) => (new SendFormModel(SendFormState.Ended, SaveToken(sender), message, kicked.Notice), StatusCodes.Status200OK),
            (SendOutcome.Exiled, { } exiled) => Exiled(context, sender, message, exiled.Notice),
            _ => Ended(sender, message),
        };
    }

    private async Task<(SendFormModel, int)> SetUpQuestion(SendToken sender, string question)
    {
        var (outcome, refusalReason) = await switchboard.SubmitQuestion(sender.PersonId, question, switchboard.HomeOf(sender.Home));
        return outcome switch
        {
            SetupOutcome.Accepted => (new SendFormModel(SendFormState.Watching, SaveToken(sender)), StatusCodes.Status200OK),
            SetupOutcome.Empty => (new SendFormModel(SendFormState.Setup, Reissue(sender), question, "Type a question first."), StatusCodes.Status400BadRequest),
            SetupOutcome.TooLong => (new SendFormModel(SendFormState.Setup, Reissue(sender), question, TooLong()), StatusCodes.Status400BadRequest),
            SetupOutcome.Rejected when refusalReason is { } reason => (new SendFormModel(SendFormState.Setup, Reissue(sender), question, Notices.QuestionRefused(reason)), StatusCodes.Status200OK),
            SetupOutcome.NotAllowed => (new SendFormModel(SendFormState.Watching, SaveToken(sender), question, "Your question is already set; you can watch but not speak."), StatusCodes.Status403Forbidden),
            _ => Ended(sender, question),
        };
    }

    private string Reissue(SendToken sender) => tokens.Issue(sender.PersonId, sender.Home, sender.IsSetup, sender.Room);

    /// <summary>A disabled form can still save the conversation (when that is on): its token is a message token, which may not speak once the form is disabled.</summary>
    private string SaveToken(SendToken sender) => tokens.Issue(sender.PersonId, sender.Home, isSetup: false);

    private Notice TooLong() => Notice.Of("That is too long: at most {0} characters.", NoticeArgument.Data(options.Value.MaxMessageLength));

    /// <summary>Kicked, and the browser marked so that chat pages refuse it from now on.</summary>
    private (SendFormModel, int) Exiled(HttpContext context, SendToken sender, string text, Notice notice)
    {
        exile.Mark(context);
        return (new SendFormModel(SendFormState.Ended, SaveToken(sender), text, notice), StatusCodes.Status200OK);
    }

    private (SendFormModel, int) Ended(SendToken sender, string text) => (new SendFormModel(SendFormState.Ended, SaveToken(sender), text, "The chat has ended."), StatusCodes.Status200OK);
}
