using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using Remandzana.Web.Operator;

namespace Remandzana.Tests.Support;

/// <summary>
/// Two operators for console tests — <see cref="Moderator"/> and <see cref="Admin"/>, both with
/// <see cref="Password"/> — as settings for <see cref="RemandzanaApp"/>, and HTTP clients signed in as them.
/// </summary>
public static class ConsoleOperators
{
    public const string Moderator = "mona";
    public const string Admin = "adam";
    public const string Password = "correct horse battery staple";

    private static readonly HtmlParser Parser = new();

    // PBKDF2 with Identity's default iterations: made once for the whole run.
    private static readonly Lazy<string> PasswordHash = new(() => OperatorPasswords.Hash(Password));

    /// <summary>The settings that configure both operators (add your own beside them).</summary>
    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Remandzana:Operators:{Moderator}:PasswordHash"] = PasswordHash.Value,
            [$"Remandzana:Operators:{Moderator}:Role"] = OperatorRoles.Moderator,
            [$"Remandzana:Operators:{Admin}:PasswordHash"] = PasswordHash.Value,
            [$"Remandzana:Operators:{Admin}:Role"] = OperatorRoles.Admin,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The Authorization header a browser sends for <paramref name="name"/> and <paramref name="password"/>.</summary>
    public static AuthenticationHeaderValue Basic(string name, string password = Password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{password}")));

    /// <summary>A client of <paramref name="app"/> that sends the operator's name and password with every request, as a browser does once they are typed.</summary>
    public static HttpClient SignedIn(RemandzanaApp app, string name = Moderator, string password = Password)
    {
        var http = app.NewClient();
        http.DefaultRequestHeaders.Authorization = Basic(name, password);
        return http;
    }

    /// <summary>The form token of the first console form on <paramref name="path"/>, as the signed-in <paramref name="http"/> gets it.</summary>
    public static async Task<string> FormToken(HttpClient http, string path)
    {
        var page = Parser.ParseDocument(await http.GetStringAsync(path));
        return page.QuerySelector($"form[method=post] input[type=hidden][name={OperatorFormTokens.Field}]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{path} has no form with an operator form token.");
    }

    /// <summary>Posts <paramref name="fields"/> as a form (the token among them, or not).</summary>
    public static Task<HttpResponseMessage> Post(HttpClient http, string path, params (string Name, string Value)[] fields) =>
        http.PostAsync(path, new FormUrlEncodedContent(fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value))));
}
