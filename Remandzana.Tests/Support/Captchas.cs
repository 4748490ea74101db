using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Remandzana.Web.Captcha;
using Remandzana.Web.Grains;

namespace Remandzana.Tests.Support;

/// <summary>
/// A person at a challenge page, as far as a test goes: reads the challenge form, and answers it
/// with what the server knows (a test can neither read the picture nor hear the recording).
/// </summary>
public static class Captchas
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The challenge form's fields, or null when the page is not a challenge.</summary>
    public static ChallengeForm? Read(IDocument page) =>
        page.QuerySelector("form.captcha-form") is { } form
            ? new ChallengeForm(
                form.GetAttribute("action")!,
                form.QuerySelector("input[name=challenge]")!.GetAttribute("value")!,
                form.QuerySelector("input[name=then]")!.GetAttribute("value")!,
                page.QuerySelector(".captcha .error")?.TextContent,
                page.QuerySelector("form.captcha-form img")!.GetAttribute("src")!,
                page.QuerySelector("form.captcha-form audio")!.GetAttribute("src")!)
            : null;

    /// <summary>The digits the challenge's recording says (the accessible alternative), learnt from the server.</summary>
    public static string AnswerTo(IServiceProvider services, string challengeId) => DigitsInTheRecording(services, challengeId);

    /// <summary>The digits the challenge's recording says, learnt from the server (a test cannot listen).</summary>
    public static string DigitsInTheRecording(IServiceProvider services, string challengeId) =>
        services.GetRequiredService<Challenges>().Open(challengeId)!.SpokenCode;

    /// <summary>The characters the challenge's picture shows, learnt from the server (a test cannot look).</summary>
    public static string CodeInThePicture(IServiceProvider services, string challengeId) =>
        services.GetRequiredService<Challenges>().Open(challengeId)!.Code;

    /// <summary>Posts the form's one answer field: <paramref name="code"/>, or else <paramref name="answer"/> (either code goes in the same field).</summary>
    public static Task<HttpResponseMessage> Answer(HttpClient http, ChallengeForm form, string? code = null, string? answer = null) =>
        http.PostAsync(form.Action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["challenge"] = form.Challenge,
            ["then"] = form.Then,
            ["code"] = code ?? answer ?? "",
        }));

    /// <summary>Asks for <paramref name="path"/>, solves the challenge it shows with the recording's digits, and returns where the answer leads (the chat page with ?pass=).</summary>
    public static async Task<string> Solve(HttpClient http, IServiceProvider services, string path)
    {
        var form = Read(Parser.ParseDocument(await http.GetStringAsync(path))) ?? throw new AssertionException($"{path} showed no challenge.");
        using var answer = await Answer(http, form, answer: AnswerTo(services, form.Challenge));
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther), "the right answer leads on");
        return answer.Headers.Location!.OriginalString;
    }

    /// <summary>The pass in a link or address.</summary>
    public static string? PassIn(string link) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://site"), link).Query).TryGetValue("pass", out var pass) ? pass.ToString() : null;
}

public sealed record ChallengeForm(string Action, string Challenge, string Then, string? Error, string Picture, string Recording);
