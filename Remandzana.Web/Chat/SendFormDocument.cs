using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Remandzana.Web.Links;
using Remandzana.Web.Localisation;
using Remandzana.Web.Options;

namespace Remandzana.Web.Chat;

/// <summary>
/// The send form's whole document (the chat page's iframe, and every answer to a post): fixed
/// markup with the language's words encoded once, where only the links, the token, the person's
/// text and the error vary, each encoded with the site's <see cref="HtmlEncoder"/>. It writes the
/// bytes the Razor partial it replaces wrote (the send-form tests read them), without a view engine
/// on the path of every message.
/// </summary>
public sealed class SendFormDocument(HtmlEncoder encoder, IStringLocalizer<SiteText> words, IOptions<TranscriptOptions> transcripts, IFileVersionProvider versions)
{
    private const string ErrorId = "form-error";
    private const string ReportFormId = "report";

    private readonly ConcurrentDictionary<string, SendFormWords> _languages = new(StringComparer.Ordinal);
    private readonly bool _canSaveAtAll = transcripts.Value.Enabled;
    private volatile Stylesheet? _stylesheet;

    /// <summary>
    /// Answers the request with the document: never cached, its length known. The markup is composed
    /// in a builder this thread keeps and encoded straight into the response, so a message's answer
    /// makes neither a builder nor a string of its own.
    /// </summary>
    public Task Write(HttpContext context, SendFormModel form, int status)
    {
        var html = ReusedBuilder.Take();
        Compose(html, form, context.RequestServices.GetRequiredService<SiteLinks>(), context.Request.PathBase);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.ContentLength = Utf8Chunks.ByteCount(html);
        Utf8Chunks.Write(html, response.BodyWriter);
        ReusedBuilder.Give(html);
        return response.BodyWriter.FlushAsync(context.RequestAborted).AsTask();
    }

    /// <summary>The document in the request's language (<see cref="CultureInfo.CurrentUICulture"/>), its links carrying the request's parameters.</summary>
    public string Render(SendFormModel form, SiteLinks links, PathString pathBase) =>
        Compose(new StringBuilder(2048), form, links, pathBase).ToString();

    private StringBuilder Compose(StringBuilder html, SendFormModel form, SiteLinks links, PathString pathBase)
    {
        var culture = CultureInfo.CurrentUICulture;
        var w = _languages.GetOrAdd(culture.Name, _ => new SendFormWords(words, encoder, SiteLanguage.Current));
        var title = form.State == SendFormState.Setup ? w.AskAQuestion : w.SendAMessage;
        var placeholder = form.State switch
        {
            SendFormState.Setup => w.YourQuestion,
            SendFormState.Message => w.TypeAMessage,
            SendFormState.Watching => w.WatchTheDiscussion,
            _ => w.ChatHasEnded,
        };
        var canSave = _canSaveAtAll && form.Token is not null;
        var token = form.Token is null ? "" : $" value=\"{encoder.Encode(form.Token)}\"";
        var text = encoder.Encode(form.Text);
        html
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(w.Language).Append("\" dir=\"").Append(w.Direction).Append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(title)
            .Append("</title>\n<link rel=\"stylesheet\" href=\"").Append(StylesheetHref(pathBase)).Append("\">\n</head>\n<body class=\"send-form\">\n<main aria-label=\"").Append(title)
            .Append("\">\n<h1 class=\"visually-hidden\">").Append(title).Append("</h1>\n");
        if (form.State is SendFormState.Message or SendFormState.Setup)
        {
            html.Append("<form method=\"post\" action=\"").Append(encoder.Encode(links.To("/send"))).Append("#message\" class=\"compose\">\n<input type=\"hidden\" name=\"token\"").Append(token)
                .Append(">\n<label class=\"visually-hidden\" for=\"message\">").Append(placeholder)
                .Append("</label>\n<input type=\"text\" id=\"message\" name=\"message\" value=\"").Append(text).Append("\" placeholder=\"").Append(placeholder).Append("\" autocomplete=\"off\"")
                .Append(form.Error is null ? "" : $" aria-invalid=\"true\" aria-describedby=\"{ErrorId}\"")
                .Append(" autofocus>\n<button type=\"submit\">").Append(form.State == SendFormState.Setup ? w.Ask : w.Send).Append("</button>\n");
            if (canSave)
            {
                html.Append("<button type=\"submit\" class=\"save\" formaction=\"").Append(encoder.Encode(links.To("/transcript"))).Append("\">");
                AppendSaveWords(html, w);
                html.Append("</button>\n");
            }

            if (form.State == SendFormState.Message)
            {
                // The same Save and Report, folded under one control for narrow screens (the stylesheet shows one set or the other).
                html.Append("<details class=\"more\">\n<summary>").Append(w.More).Append("</summary>\n<div class=\"menu\">\n");
                if (canSave)
                {
                    html.Append("<button type=\"submit\" class=\"save\" formaction=\"").Append(encoder.Encode(links.To("/transcript"))).Append("\">");
                    AppendSaveWords(html, w);
                    html.Append("</button>\n");
                }

                html.Append("<button type=\"submit\" form=\"").Append(ReportFormId).Append("\" class=\"report\" title=\"").Append(w.ReportTitle).Append("\">").Append(w.Report).Append("</button>\n</div>\n</details>\n");
            }

            html.Append("</form>\n");
            if (form.State == SendFormState.Message)
            {
                html.Append("<form method=\"post\" action=\"").Append(encoder.Encode(links.To("/report"))).Append("\" class=\"report\" id=\"").Append(ReportFormId).Append("\">\n<input type=\"hidden\" name=\"token\"").Append(token)
                    .Append(">\n<button type=\"submit\" title=\"").Append(w.ReportTitle).Append("\">").Append(w.Report).Append("</button>\n</form>\n");
            }
        }
        else
        {
            html.Append("<div class=\"compose\">\n<label class=\"visually-hidden\" for=\"message\">").Append(placeholder)
                .Append("</label>\n<input type=\"text\" id=\"message\" name=\"message\" value=\"").Append(text).Append("\" placeholder=\"").Append(placeholder).Append('"')
                .Append(form.Error is null ? "" : $" aria-describedby=\"{ErrorId}\"")
                .Append(" disabled>\n<button type=\"button\" disabled>").Append(form.State == SendFormState.Watching ? w.Watching : w.Ended).Append("</button>\n");
            if (canSave)
            {
                html.Append("<form method=\"post\" action=\"").Append(encoder.Encode(links.To("/transcript"))).Append("\" class=\"save-form\">\n<input type=\"hidden\" name=\"token\"").Append(token)
                    .Append(">\n<input type=\"hidden\" name=\"message\" value=\"").Append(text).Append("\">\n<button type=\"submit\" class=\"save\">");
                AppendSaveWords(html, w);
                html.Append("</button>\n</form>\n");
            }

            html.Append("</div>\n");
            if (form is { State: SendFormState.Ended, CanAvoid: true, Token: not null })
            {
                html.Append("<form method=\"post\" action=\"").Append(encoder.Encode(links.To(Controllers.AvoidController.Path))).Append("\" class=\"avoid\">\n<input type=\"hidden\" name=\"token\"").Append(token)
                    .Append(">\n<button type=\"submit\">").Append(w.DontMatchAgain).Append("</button>\n</form>\n");
            }
        }

        if (form.Error is { } error)
        {
            html.Append("<p class=\"error\" id=\"").Append(ErrorId).Append("\" role=\"alert\">").Append(encoder.Encode(words.Say(error))).Append("</p>\n");
        }

        return html.Append("</main>\n</body>\n</html>\n");
    }

    private static void AppendSaveWords(StringBuilder html, SendFormWords w) =>
        html.Append("<span class=\"wide\">").Append(w.SaveConversation).Append("</span><span class=\"narrow\" aria-hidden=\"true\">").Append(w.Save).Append("</span>");

    /// <summary>The stylesheet's address with its content hash, as the link tag helper writes it.</summary>
    private string StylesheetHref(PathString pathBase)
    {
        if (_stylesheet is { } known && known.PathBase == pathBase)
        {
            return known.Href;
        }

        var href = encoder.Encode(versions.AddFileVersionToPath(pathBase, pathBase.Add("/css/site.css").Value!));
        _stylesheet = new Stylesheet(pathBase, href);
        return href;
    }

    private sealed record Stylesheet(PathString PathBase, string Href);
}
