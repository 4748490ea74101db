using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Remandzana.Domain.Lines;
using Remandzana.Web.Abuse;
using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Controllers;

/// <summary>
/// "Save conversation": the send form posts its token here and gets the conversation as a file
/// (an attachment, so the form stays as it was). Anything else answers with the form again, the
/// text kept and the reason shown.
/// </summary>
public sealed class TranscriptController(
    TranscriptLookup lookup,
    Transcripts transcripts,
    SendTokens tokens,
    SendFloodGate floodGate,
    FormReader forms,
    ClusterSwitchboard switchboard,
    InlineStyle style) : Controller
{
    private static readonly string[] Fields = ["token", "message"];

    [HttpPost("/transcript")]
    public async Task<IActionResult> Save()
    {
        if (!transcripts.IsEnabled)
        {
            return NotFound();
        }

        var form = await forms.Read(Request, Fields, freeText: "message");
        var text = form["message"] ?? "";
        if (form.Problem == FormProblem.TooLarge)
        {
            return Form(new SendFormModel(SendFormState.Ended, null, "", form.Reason), StatusCodes.Status413PayloadTooLarge);
        }

        if (tokens.Read(form["token"]) is not { } sender)
        {
            return !switchboard.IsAvailable
                ? Form(new SendFormModel(SendFormState.Ended, null, text, NotSaved), StatusCodes.Status503ServiceUnavailable)
                : Form(new SendFormModel(SendFormState.Ended, null, text, "This form is not valid or has expired; the conversation was not saved."), StatusCodes.Status403Forbidden);
        }

        // The form comes back as it was: a token for a question or a message (an asker who watches gets a message form, which answers that they may not speak).
        var again = sender.IsSetup ? SendFormState.Setup : SendFormState.Message;
        var token = tokens.Issue(sender.PersonId, sender.Home, sender.IsSetup);
        if (form.Problem == FormProblem.Malformed)
        {
            return Form(new SendFormModel(again, token, text, form.Reason), StatusCodes.Status400BadRequest);
        }

        if (!floodGate.TryPass(sender.PersonId))
        {
            return Form(new SendFormModel(again, token, text, "Slow down: wait a moment, then save again."), StatusCodes.Status429TooManyRequests);
        }

        SavedConversation? saved;
        try
        {
            saved = await lookup.Find(sender);
        }
        catch (SwitchboardUnavailableException)
        {
            return Form(new SendFormModel(again, token, text, NotSaved), StatusCodes.Status503ServiceUnavailable);
        }

        if (saved is null)
        {
            return Form(new SendFormModel(SendFormState.Ended, null, text, Notice.Of("This conversation is no longer kept: conversations can be saved for {0} minutes after they end.", NoticeArgument.Data(transcripts.KeepMinutes))), StatusCodes.Status410Gone);
        }

        var now = transcripts.Now;
        Response.Headers.CacheControl = "no-store";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = TranscriptFileModel.FileName(saved, now) }.ToString();
        var file = View("Transcript", TranscriptFileModel.Of(saved, now, style));
        file.ContentType = "text/html; charset=utf-8";
        return file;
    }

    private const string NotSaved = $"{ProblemModel.Unavailable}; the conversation was not saved. Try again in a moment.";

    private static SendFormResult Form(SendFormModel model, int status) => new(model, status);
}
