using System.Net;
using AngleSharp.Html.Parser;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

/// <summary>
/// /status/{code} is where the site's own error statuses are re-executed as pages; asked for
/// directly, with any number or none, it is not a page. The status line is read off the socket,
/// as a script would, so a malformed one cannot hide behind a client library.
/// </summary>
[Category("Web")]
public sealed class StatusPagesOverHttp() : SharedAppFixture(new Dictionary<string, string?> { ["Remandzana:Feedback:RateLimitPermits"] = "1" })
{
    private static readonly HtmlParser Parser = new();

    [TestCase("/status/-1")]
    [TestCase("/status/0")]
    [TestCase("/status/99")]
    [TestCase("/status/100")]
    [TestCase("/status/200")]
    [TestCase("/status/204")]
    [TestCase("/status/304")]
    [TestCase("/status/399")]
    [TestCase("/status/418")]
    [TestCase("/status/599")]
    [TestCase("/status/600")]
    [TestCase("/status/99999")]
    [TestCase("/status/2147483648")]
    [TestCase("/status/abc")]
    [TestCase("/status/%2D1")]
    [TestCase("/status/1e3")]
    [TestCase("/status/")]
    [TestCase("/status/429")]
    [TestCase("/status/500")]
    [TestCase("/status/503")]
    [TestCase("/STATUS/403/")]
    public async Task AnyStatusAskedForDirectlyIsAWellFormed404(string target)
    {
        foreach (var method in new[] { "GET", "HEAD", "POST" })
        {
            var answer = await RawHttp.Send(App.BaseAddress, method, target, form: method == "POST" ? "x=1" : null);

            Assert.That(answer.StatusLine, Is.EqualTo("HTTP/1.1 404 Not Found"), $"{method} {target}");
            if (method == "GET")
            {
                Assert.That(Parser.ParseDocument(answer.Body).QuerySelector("h1")?.TextContent, Is.EqualTo("Not found"));
            }
        }
    }

    [Test]
    public async Task TheSitesOwnStatusesStillGetTheirPages()
    {
        using var http = App.NewClient();
        using var first = await http.PostAsync("/feedback", new FormUrlEncodedContent([new("message", "one")]));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var tooMany = await RawHttp.Send(App.BaseAddress, "POST", "/feedback", form: "message=two");
        var wrongMethod = await RawHttp.Send(App.BaseAddress, "PUT", "/about", form: "x=1");
        var operatorOnly = await RawHttp.Send(App.BaseAddress, "GET", "/metrics", ["X-Forwarded-For: 203.0.113.9"]);

        Assert.That(tooMany.StatusLine, Is.EqualTo("HTTP/1.1 429 Too Many Requests"));
        Assert.That(Parser.ParseDocument(tooMany.Body).QuerySelector("h1")?.TextContent, Is.EqualTo("Slow down"));
        Assert.That(wrongMethod.StatusLine, Is.EqualTo("HTTP/1.1 405 Method Not Allowed"));
        Assert.That(Parser.ParseDocument(wrongMethod.Body).QuerySelector("h1")?.TextContent, Is.EqualTo("Error 405"));
        Assert.That(operatorOnly.StatusLine, Is.EqualTo("HTTP/1.1 403 Forbidden"));
        Assert.That(Parser.ParseDocument(operatorOnly.Body).QuerySelector("h1")?.TextContent, Is.EqualTo("Not open to you"));
    }
}
