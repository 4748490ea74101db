using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Remandzana.Tests.Support;

/// <summary>
/// An operator in the console over HTTP, as a script-less browser is: Basic credentials on every
/// request (<see cref="ConsoleOperators"/>), each post carrying the form token read from the page it was made on.
/// </summary>
public sealed class ConsoleSession(HttpClient http, string name, string password = ConsoleOperators.Password) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = Signed(http, name, password);

    public async Task<(HttpStatusCode Status, IDocument Page)> Get(string path)
    {
        using var answer = await Http.GetAsync(path);
        return (answer.StatusCode, Parser.ParseDocument(await answer.Content.ReadAsStringAsync()));
    }

    /// <summary>Opens <paramref name="page"/>, then posts <paramref name="fields"/> to <paramref name="action"/> with that page's form token.</summary>
    public async Task<(HttpStatusCode Status, IDocument Page, string? Location)> Post(string page, string action, IDictionary<string, string> fields)
    {
        var (_, opened) = await Get(page);
        var token = opened.QuerySelector("input[name=operatorToken]")?.GetAttribute("value") ?? throw new InvalidOperationException($"{page} has no form token.");
        var all = new Dictionary<string, string>(fields) { ["operatorToken"] = token };
        using var answer = await Http.PostAsync(action, new FormUrlEncodedContent(all));
        return (answer.StatusCode, Parser.ParseDocument(await answer.Content.ReadAsStringAsync()), answer.Headers.Location?.OriginalString);
    }

    public void Dispose() => Http.Dispose();

    private static HttpClient Signed(HttpClient http, string name, string password)
    {
        http.DefaultRequestHeaders.Authorization = ConsoleOperators.Basic(name, password);
        return http;
    }
}
