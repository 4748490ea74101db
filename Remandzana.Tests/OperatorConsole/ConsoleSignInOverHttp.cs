using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.OperatorConsole;

/// <summary>
/// Signing in to the console with HTTP Basic: the challenge, the right and wrong passwords, the
/// limit on wrong ones per origin, the roles, and the headers every console answer carries. The
/// chat pages never run the console's authentication.
/// </summary>
[Category("Web")]
public sealed class ConsoleSignInOverHttp
{
    private const int FailuresPerWindow = 3;
    private static readonly HtmlParser Parser = new();

    private RemandzanaApp _app = null!;

    [OneTimeSetUp]
    public void StartApp() => _app = new RemandzanaApp(
        ConsoleOperators.Settings(new Dictionary<string, string?>
        {
            ["Remandzana:Console:LoginFailuresPerWindow"] = $"{FailuresPerWindow}",
            ["Remandzana:Console:LoginFailureWindowSeconds"] = "3600",
        }),
        services: services => services.AddControllersWithViews().AddApplicationPart(typeof(AdminOnlyStubController).Assembly));

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [Test]
    public async Task WithoutCredentialsTheBrowserIsAskedForThemInTheConsolesRealm()
    {
        using var http = _app.NewClient();

        using var answer = await http.GetAsync("/operator");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var challenge = answer.Headers.WwwAuthenticate.Single();
        Assert.Multiple(() =>
        {
            Assert.That(challenge.Scheme, Is.EqualTo("Basic"));
            Assert.That(challenge.Parameter, Does.Contain("realm=\"Remandzana operator\""));
            AssertConsoleHeaders(answer);
        });
    }

    [Test]
    public async Task TheRightPasswordOpensTheOverviewWithTheConsolesHeaders()
    {
        using var http = ConsoleOperators.SignedIn(_app, ConsoleOperators.Moderator);

        using var answer = await http.GetAsync("/operator");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertConsoleHeaders(answer);
        var page = Parser.ParseDocument(await answer.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Overview"));
            Assert.That(page.QuerySelectorAll("script"), Is.Empty);
            Assert.That(page.QuerySelector(".console-who")?.TextContent, Does.Contain(ConsoleOperators.Moderator));
        });
    }

    [Test]
    public async Task TheNavLinksEveryPageAndTheDebugViewButShowsAModeratorNoAdminPage()
    {
        using var moderator = ConsoleOperators.SignedIn(_app, ConsoleOperators.Moderator);
        using var admin = ConsoleOperators.SignedIn(_app, ConsoleOperators.Admin);

        var moderatorLinks = await NavLinks(moderator);
        var adminLinks = await NavLinks(admin);

        Assert.Multiple(() =>
        {
            Assert.That(adminLinks, Is.EqualTo(new[]
            {
                "/operator", "/operator/reports", "/operator/bars", "/operator/feedback", "/operator/settings",
                "/operator/filters", "/operator/kick", "/operator/audit", "/debug",
            }));
            Assert.That(moderatorLinks, Is.EqualTo(adminLinks.Except(["/operator/settings", "/operator/filters"])));
        });
    }

    [Test]
    public async Task AModeratorIsRefusedAnAdminPageAndAnAdminIsNot()
    {
        using var moderator = ConsoleOperators.SignedIn(_app, ConsoleOperators.Moderator);
        using var admin = ConsoleOperators.SignedIn(_app, ConsoleOperators.Admin);

        using var refused = await moderator.GetAsync(AdminOnlyStubController.Path);
        using var admitted = await admin.GetAsync(AdminOnlyStubController.Path);

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(refused.Headers.WwwAuthenticate, Is.Empty, "a refusal, not a new login prompt");
            AssertConsoleHeaders(refused);
            Assert.That(admitted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task AWrongPasswordIsLoggedWithTheNameTriedAndNeverThePassword()
    {
        using var http = FromOwnAddress(20);
        http.DefaultRequestHeaders.Authorization = ConsoleOperators.Basic("mallory\nFAKE LOG LINE", "hunter2-secret");

        using var answer = await http.GetAsync("/operator");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var lines = _app.Logs.Entries.Where(entry => entry.Message.Contains("Operator login refused", StringComparison.Ordinal)).Select(entry => entry.ToString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.Contain("mallory\\u000AFAKE LOG LINE"), "the name, its line break escaped");
            Assert.That(_app.Logs.Entries.Select(entry => entry.ToString()), Has.None.Contain("hunter2-secret"));
        });
    }

    [Test]
    public async Task AfterTheWrongPasswordsOfAWindowEvenTheRightOneIsRefusedFromThatOrigin()
    {
        using var guesser = FromOwnAddress(30);
        using var other = FromOwnAddress(31);
        for (var i = 0; i < FailuresPerWindow; i++)
        {
            using var wrong = new HttpRequestMessage(HttpMethod.Get, "/operator") { Headers = { Authorization = ConsoleOperators.Basic(ConsoleOperators.Admin, "guess" + i) } };
            Assert.That((await guesser.SendAsync(wrong)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"try {i + 1}");
        }

        using var right = new HttpRequestMessage(HttpMethod.Get, "/operator") { Headers = { Authorization = ConsoleOperators.Basic(ConsoleOperators.Admin) } };
        using var limited = await guesser.SendAsync(right);
        using var elsewhere = new HttpRequestMessage(HttpMethod.Get, "/operator") { Headers = { Authorization = ConsoleOperators.Basic(ConsoleOperators.Admin) } };

        Assert.Multiple(async () =>
        {
            Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
            Assert.That(limited.Headers.WwwAuthenticate, Is.Empty, "no new prompt while no password can succeed");
            Assert.That((await other.SendAsync(elsewhere)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "another origin is not limited");
        });
    }

    [Test]
    public async Task TheChatPagesNeverRunTheConsolesAuthentication()
    {
        using var http = FromOwnAddress(40);
        http.DefaultRequestHeaders.Authorization = ConsoleOperators.Basic("chatter", "not-a-password");
        var refusedBefore = RefusedLogins();

        for (var i = 0; i <= FailuresPerWindow; i++)
        {
            Assert.That((await http.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await http.GetAsync("/about")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        // The chat stream and a real send, both carrying the wrong credentials.
        var chatHttp = FromOwnAddress(40);
        chatHttp.DefaultRequestHeaders.Authorization = ConsoleOperators.Basic("chatter", "not-a-password");
        await using (var chat = new ChatClient(chatHttp))
        {
            await chat.Open("/global");
            Assert.That(chat.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await chat.Send("hello")).StatusCode, Is.Not.EqualTo(HttpStatusCode.Unauthorized));
        }

        http.DefaultRequestHeaders.Authorization = ConsoleOperators.Basic(ConsoleOperators.Moderator);
        Assert.Multiple(async () =>
        {
            Assert.That(RefusedLogins(), Is.EqualTo(refusedBefore), "no login was tried");
            Assert.That((await http.GetAsync("/operator")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "nothing was counted against this origin");
        });
    }

    private int RefusedLogins() => _app.Logs.Entries.Count(entry => entry.Message.Contains("Operator login refused", StringComparison.Ordinal));

    private HttpClient FromOwnAddress(int last) => _app.NewClient(IPAddress.Parse($"127.0.0.{last}"));

    private static async Task<string[]> NavLinks(HttpClient http)
    {
        var page = Parser.ParseDocument(await http.GetStringAsync("/operator"));
        return page.QuerySelectorAll("nav.console-nav a").Select(link => link.GetAttribute("href")!).ToArray();
    }

    internal static void AssertConsoleHeaders(HttpResponseMessage answer)
    {
        Assert.That(answer.Headers.CacheControl?.NoStore, Is.True, "Cache-Control: no-store");
        Assert.That(answer.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("frame-ancestors 'none'").And.Contain("default-src 'none'"));
        Assert.That(answer.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
    }
}
