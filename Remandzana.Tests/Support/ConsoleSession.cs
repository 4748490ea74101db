using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;

namespace Remandzana.Tests.Support;

/// <summary>
/// An operator in the console over HTTP, as a script-less browser is: Basic credentials on every
/// request, each post carrying the form token read from the page it was made on.
/// </summary>
public sealed class ConsoleSession(HttpClient http, string name, string password) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The settings that make <paramref name="name"/> an operator with <paramref name="password"/> and <paramref name="role"/>.</summary>
    public static Dictionary<string, string?> Operator(string name, string password, string role) => new()
    {
        [$"Remandzana:Operators:{name}:PasswordHash"] = new PasswordHasher<object>().HashPassword(new object(), password),
        [$"Remandzana:Operators:{name}:Role"] = role,
    };

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
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{password}")));
        return http;
    }
}
