using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

/// <summary>
/// /metrics and /debug are the operator's: whatever spelling of their path a script tries, a
/// visitor that a proxy forwards never gets them, while the operator on loopback does. Requests
/// are written by hand, so no client library tidies the path first.
/// </summary>
[Category("Web")]
public sealed class OperatorEndpointsOverHttp : SharedAppFixture
{
    private static readonly string[] Endpoints = ["metrics", "debug"];

    private static readonly string[] Spellings =
    [
        "/{0}", "/{0}/", "/{0}?x", "/{0};x", "//{0}", "///{0}/", "/./{0}", "/x/../{0}", "/{0}/.", "/{0}%2F", "/%2F{0}", "/%2E/{0}",
        "/{1}", "/{2}", "/{2}/", "/{1}?x",
    ];

    private static readonly string[] ForwardedFor = ["203.0.113.9", "127.0.0.1", "::1", "fc00:dead:beef:4dad::0:2a"];

    public static IEnumerable<TestCaseData> EverySpelling() =>
        from endpoint in Endpoints
        from spelling in Spellings
        from method in new[] { "GET", "HEAD", "POST" }
        select new TestCaseData(method, string.Format(System.Globalization.CultureInfo.InvariantCulture, spelling, endpoint, endpoint.ToUpperInvariant(), char.ToUpperInvariant(endpoint[0]) + endpoint[1..]), endpoint);

    [TestCaseSource(nameof(EverySpelling))]
    public async Task AForwardedVisitorIsRefusedWhereverTheOperatorIsServed(string method, string target, string endpoint)
    {
        var keysBefore = DebugView.Keys(App).Count;

        var operatorsAnswer = await RawHttp.Send(App.BaseAddress, method, target, form: method == "POST" ? "key=x" : null);
        var visitorsAnswers = new List<RawHttp.RawAnswer>();
        foreach (var visitor in ForwardedFor)
        {
            visitorsAnswers.Add(await RawHttp.Send(App.BaseAddress, method, target, [$"X-Forwarded-For: {visitor}"], method == "POST" ? "key=x" : null));
        }

        var reached = operatorsAnswer.Status is 200 or 401;
        foreach (var answer in visitorsAnswers)
        {
            Assert.That(answer.StatusLine, Does.Match(@"^HTTP/1\.1 (403 Forbidden|404 Not Found|405 Method Not Allowed)$"), answer.Head);
            Assert.That(answer.Body, Does.Not.Contain("# TYPE").And.Not.Contain("remandzana_").And.Not.Contain("name=\"key\"").And.Not.Contain("matchmaker"));
            if (reached)
            {
                Assert.That(answer.Status, Is.EqualTo(403), $"{target} reaches /{endpoint} from loopback, so the same check applies");
            }
        }

        Assert.That(DebugView.Keys(App).Count - keysBefore, Is.LessThanOrEqualTo(1), "only the operator's own request may log a key");
    }

    [TestCase("GET", "/metrics")]
    [TestCase("GET", "/metrics/")]
    [TestCase("GET", "/METRICS")]
    [TestCase("GET", "/Metrics/")]
    [TestCase("GET", "/metrics?x")]
    [TestCase("GET", "/%6Detrics")]
    [TestCase("HEAD", "/metrics")]
    public async Task TheOperatorOnLoopbackReadsTheMetricsAtEveryRoutedSpelling(string method, string target)
    {
        var answer = await RawHttp.Send(App.BaseAddress, method, target);

        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        if (method == "GET")
        {
            Assert.That(answer.Body, Does.Contain("# TYPE"));
        }
    }

    [TestCase("/debug")]
    [TestCase("/debug/")]
    [TestCase("/DEBUG")]
    [TestCase("/Debug/?x")]
    public async Task TheOperatorOnLoopbackOpensTheDebugViewAtEveryRoutedSpelling(string target)
    {
        var form = await RawHttp.Send(App.BaseAddress, "GET", target);
        Assert.That(form.Status, Is.EqualTo(401), "the key form");
        Assert.That(form.Body, Does.Contain("name=\"key\""));

        var view = await RawHttp.Send(App.BaseAddress, "POST", target, form: "key=" + Uri.EscapeDataString(DebugView.Keys(App)[^1]));

        Assert.That(view.Status, Is.EqualTo(200), view.Text);
        Assert.That(view.Body, Does.Contain("\"matchmaker\""));
    }
}
