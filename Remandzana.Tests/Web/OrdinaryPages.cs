using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

[Category("Web")]
public sealed class OrdinaryPages
{
    private static readonly HtmlParser Parser = new();
    private RemandzanaApp _app = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public void StartApp()
    {
        _app = new RemandzanaApp();
        _http = _app.NewClient();
    }

    [OneTimeTearDown]
    public async Task StopApp()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [TestCase("/")]
    [TestCase("/about")]
    [TestCase("/feedback")]
    [TestCase("/two")]
    [TestCase("/global")]
    public async Task HeadAnswersLikeGetWithoutABodyAndJoinsNobody(string path)
    {
        using var head = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK), "not 405");
        Assert.That(head.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);
        Assert.That(_app.Services.GetRequiredService<Remandzana.Web.Sessions.LocalSessions>().Count, Is.Zero, "a HEAD on a chat page opens no chat");
    }

    [Test]
    public async Task TheHomePageOffersEveryModeWithBigButtonsForTwoAndAny()
    {
        var page = Parser.ParseDocument(await _http.GetStringAsync("/"));

        var big = page.QuerySelectorAll("a.button.big").Select(link => link.GetAttribute("href"));
        var all = page.QuerySelectorAll("a.button").Select(link => link.GetAttribute("href"));
        Assert.That(big, Is.EqualTo(new[] { "/two", "/any" }));
        Assert.That(all, Is.SupersetOf(new[] { "/two", "/any", "/three", "/question", "/global" }));
        Assert.That(page.QuerySelectorAll("script"), Is.Empty);
        Assert.That(page.QuerySelector("footer a[href='/about']"), Is.Not.Null);
        Assert.That(page.QuerySelector("footer a[href='/feedback']"), Is.Not.Null);
    }

    [Test]
    public async Task TheAboutPageDescribesEveryMode()
    {
        var page = Parser.ParseDocument(await _http.GetStringAsync("/about"));

        var modes = page.QuerySelectorAll("dl.modes-list dt").Select(term => term.TextContent).ToList();
        Assert.That(modes, Is.EqualTo(new[] { "Two strangers", "Three strangers", "Ask a question", "Discuss a question", "Global chat", "Any mode" }));
        Assert.That(page.QuerySelectorAll("dl.modes-list dd"), Has.All.Property("TextContent").Length.GreaterThan(20));
    }

    [Test]
    public async Task AnUnknownPageIsAFriendly404()
    {
        var response = await _http.GetAsync("/no-such-page");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Not found"));
    }

    [Test]
    public async Task TheStylesheetIsCachedForGood()
    {
        var page = Parser.ParseDocument(await _http.GetStringAsync("/"));
        var href = page.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href");
        Assert.That(href, Does.StartWith("/css/site.css?v="));

        var css = await _http.GetAsync(href);

        Assert.That(css.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(css.Headers.CacheControl?.ToString(), Does.Contain("immutable"));
    }
}
