using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Time.Testing;
using Remandzana.Tests.Support;
using Remandzana.Web.Operator;

namespace Remandzana.Tests.OperatorConsole;

/// <summary>
/// Every console post needs the form token its page carried: a forged, expired, another
/// operator's, repeated or missing one is refused with a page that says so, and nothing is done.
/// Tried through a real console action, the audit page's note, which is also how the audit log is appended.
/// </summary>
[Category("Web")]
public sealed class ConsoleFormTokensOverHttp
{
    private const string Audit = "/operator/audit";
    private const string Note = "/operator/audit/note";
    private static readonly HtmlParser Parser = new();

    private RemandzanaApp _app = null!;
    private FakeTimeProvider _clock = null!;

    private string AuditFile => Path.Combine(_app.Folder, "audit", "operator-audit.jsonl");

    [OneTimeSetUp]
    public void StartApp()
    {
        _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _app = new RemandzanaApp(ConsoleOperators.Settings(new Dictionary<string, string?> { ["Remandzana:Console:FormTokenMinutes"] = "30" }), _clock);
    }

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [Test]
    public async Task ANoteWithItsPagesTokenIsAppendedToTheAuditFileAndShown()
    {
        using var http = ConsoleOperators.SignedIn(_app, ConsoleOperators.Moderator);
        var token = await ConsoleOperators.FormToken(http, Audit);
        var before = Lines();

        using var answer = await ConsoleOperators.Post(http, Note, (OperatorFormTokens.Field, token), ("note", "Looked into the spam from the 9 pm wave <b>"));

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(answer.Headers.Location?.OriginalString, Is.EqualTo(Audit));
        ConsoleSignInOverHttp.AssertConsoleHeaders(answer);
        var added = Lines().Skip(before.Length).ToArray();
        Assert.That(added, Has.Length.EqualTo(1));
        Assert.That(added[0], Does.Contain("\"operator\":\"mona\"").And.Contain("\"action\":\"note\"").And.Contain("9 pm wave"));

        var page = Parser.ParseDocument(await http.GetStringAsync(Audit));
        var newest = page.QuerySelector("table.console-table tbody tr")!;
        Assert.Multiple(() =>
        {
            Assert.That(newest.Children.Select(cell => cell.TextContent).Skip(1), Is.EqualTo(new[] { "mona", "note", "Looked into the spam from the 9 pm wave <b>" }));
            Assert.That(page.QuerySelectorAll("table b"), Is.Empty, "the note is text, never markup");
        });
    }

    [Test]
    public async Task ATokenServesEveryFormOfItsPageAndTheBackButtonWhileItLives()
    {
        using var http = ConsoleOperators.SignedIn(_app, ConsoleOperators.Admin);
        var token = await ConsoleOperators.FormToken(http, Audit);

        Assert.That((await ConsoleOperators.Post(http, Note, (OperatorFormTokens.Field, token), ("note", "first"))).StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.That((await ConsoleOperators.Post(http, Note, (OperatorFormTokens.Field, token), ("note", "second"))).StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
    }

    public static IEnumerable<TestCaseData> BadTokens()
    {
        yield return new TestCaseData("missing").SetName("AMissingTokenIsRefused");
        yield return new TestCaseData("forged").SetName("AForgedTokenIsRefused");
        yield return new TestCaseData("tampered").SetName("ATamperedTokenIsRefused");
        yield return new TestCaseData("expired").SetName("AnExpiredTokenIsRefused");
        yield return new TestCaseData("other operator").SetName("AnotherOperatorsTokenIsRefused");
        yield return new TestCaseData("twice").SetName("ATokenSentTwiceInOneFormIsRefused");
        yield return new TestCaseData("not a form").SetName("APostThatIsNotAFormIsRefused");
        yield return new TestCaseData("too large").SetName("AFormTooLargeToReadIsRefused");
    }

    [TestCaseSource(nameof(BadTokens))]
    public async Task APostWithoutAValidTokenIsRefusedAndNothingIsDone(string kind)
    {
        using var http = ConsoleOperators.SignedIn(_app, ConsoleOperators.Moderator);
        using var other = ConsoleOperators.SignedIn(_app, ConsoleOperators.Admin);
        var own = await ConsoleOperators.FormToken(http, Audit);
        var before = Lines();
        var note = ("note", "should never be recorded: " + kind);

        HttpResponseMessage answer;
        switch (kind)
        {
            case "missing":
                answer = await ConsoleOperators.Post(http, Note, note);
                break;
            case "forged":
                answer = await ConsoleOperators.Post(http, Note, (OperatorFormTokens.Field, "CfDJ8" + new string('A', 120)), note);
                break;
            case "tampered":
                answer = await ConsoleOperators.Post(http, Note, (OperatorFormTokens.Field, own[..^4] + (own[^4..] == "AAAA" ? "BBBB" : "AAAA")), note);
                break;
            case "expired":
                _clock.Advance(TimeSpan.FromMinutes(31));
                answer = await ConsoleOperators.Post(http, Note, (OperatorFormTokens.Field, own), note);
                break;
            case "other operator":
                answer = await ConsoleOperators.Post(http, Note, (OperatorFormTokens.Field, await ConsoleOperators.FormToken(other, Audit)), note);
                break;
            case "twice":
                answer = await ConsoleOperators.Post(http, Note, (OperatorFormTokens.Field, own), (OperatorFormTokens.Field, own), note);
                break;
            case "too large":
                answer = await ConsoleOperators.Post(http, Note, (OperatorFormTokens.Field, own), note, ("padding", new string('x', 1024 * 1024)));
                break;
            default:
                answer = await http.PostAsync(Note, new StringContent($"{{\"{OperatorFormTokens.Field}\":\"{own}\",\"note\":\"x\"}}", Encoding.UTF8, "application/json"));
                break;
        }

        using (answer)
        {
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            ConsoleSignInOverHttp.AssertConsoleHeaders(answer);
            var page = Parser.ParseDocument(await answer.Content.ReadAsStringAsync());
            Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Form refused: nothing was done"));
        }

        Assert.That(Lines(), Is.EqualTo(before), "nothing recorded");
    }

    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task TheAuditFileAndItsFolderAreTheOwnersOnly()
    {
        using var http = ConsoleOperators.SignedIn(_app, ConsoleOperators.Moderator);
        var token = await ConsoleOperators.FormToken(http, Audit);
        await ConsoleOperators.Post(http, Note, (OperatorFormTokens.Field, token), ("note", "permissions"));

        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(AuditFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(AuditFile)!), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        });
    }

    private string[] Lines() => File.Exists(AuditFile) ? File.ReadAllLines(AuditFile) : [];
}
