using System.Net;
using AngleSharp.Html.Parser;

namespace Remandzana.Tests.Support;

/// <summary>What a script-less browser does with a chat page's resume link and its "Yes, end it" (issue 25).</summary>
public static class Resuming
{
    /// <summary>The secret resume link the page carries under its connection light.</summary>
    public static string ResumeLink(this ChatClient person) =>
        person.Page.QuerySelector("header p.resume a[href]")?.GetAttribute("href") ?? throw new AssertionException("the page has no resume link");

    /// <summary>Presses "Yes, end it": posts the bar's form with the person's token; answers the response (a 303 to the next conversation).</summary>
    public static async Task<HttpResponseMessage> EndOnPurpose(this ChatClient person, HttpClient via)
    {
        var form = person.Page.QuerySelector("nav form.end-chat-form") ?? throw new AssertionException("the bar has no \"Yes, end it\" form");
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? "");
        return await via.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    /// <summary>Opens a link that should not resume anyone: its status and the page it answers.</summary>
    public static async Task<(HttpStatusCode Status, AngleSharp.Dom.IDocument Page)> OpenSpent(this RemandzanaApp app, string link)
    {
        using var http = app.NewClient();
        using var response = await http.GetAsync(link);
        return (response.StatusCode, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }
}
