using Remandzana.Tests.Support;

namespace Remandzana.Tests.OperatorConsole;

/// <summary>
/// No operator configured: the console does not exist. Whatever spelling of its paths a script
/// tries, with or without credentials, it gets the answer any unknown address gets, and nothing
/// that would tell a console is there (no realm, no console headers).
/// </summary>
[Category("Web")]
public sealed class ConsoleWithoutOperators : SharedAppFixture
{
    private static readonly string[] Spellings =
    [
        "/operator", "/operator/", "/OPERATOR", "/Operator/", "//operator", "/operator/../operator", "/x/../operator", "/./operator",
        "/operator?x", "/%6Fperator", "/operator/audit", "/Operator/Audit/", "/operator//audit", "/operator/audit/note",
    ];

    public static IEnumerable<TestCaseData> EverySpelling() =>
        from spelling in Spellings
        from method in new[] { "GET", "HEAD", "POST" }
        from credentials in new[] { false, true }
        select new TestCaseData(method, spelling, credentials);

    [TestCaseSource(nameof(EverySpelling))]
    public async Task EverySpellingOfTheConsoleIsNotFound(string method, string target, bool credentials)
    {
        var headers = credentials ? new[] { $"Authorization: {ConsoleOperators.Basic(ConsoleOperators.Admin)}" } : [];

        var answer = await RawHttp.Send(App.BaseAddress, method, target, headers, form: method == "POST" ? "operatorToken=x&note=y" : null);

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(404), answer.Head);
            Assert.That(answer.Head, Does.Not.Contain("WWW-Authenticate").IgnoreCase);
            Assert.That(answer.Head, Does.Not.Contain("frame-ancestors 'none'"));
        });
    }

    [Test]
    public async Task TheConsoleAnswersExactlyAsAnUnknownAddressDoes()
    {
        var console = await RawHttp.Send(App.BaseAddress, "GET", "/operator");
        var unknown = await RawHttp.Send(App.BaseAddress, "GET", "/operatoz");

        Assert.That(WithoutDate(console.Head), Is.EqualTo(WithoutDate(unknown.Head)));
        Assert.That(console.Body.Replace("/operator", "", StringComparison.Ordinal), Is.EqualTo(unknown.Body.Replace("/operatoz", "", StringComparison.Ordinal)));
    }

    private static string WithoutDate(string head) =>
        string.Join("\r\n", head.Split("\r\n").Where(line => !line.StartsWith("Date:", StringComparison.OrdinalIgnoreCase)));
}
