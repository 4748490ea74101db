using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Remandzana.Tests.Support;
using Remandzana.Web.Links;

namespace Remandzana.Tests.Web;

/// <summary>A choice carried in the address (language, interests, pass) survives every link and form of the site.</summary>
[Category("Web")]
public sealed class CarriedLinks
{
    private static readonly HtmlParser Parser = new();
    private RemandzanaApp _app = null!;

    [OneTimeSetUp]
    public void StartApp() =>
        _app = new RemandzanaApp(services: collection => collection.AddSingleton<ICarriedParameter, Probe>());

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [TestCase("/")]
    [TestCase("/about")]
    [TestCase("/feedback")]
    public async Task EveryLinkAndFormOfAnOrdinaryPageCarriesTheParameter(string path)
    {
        using var http = _app.NewClient();

        var page = Parser.ParseDocument(await http.GetStringAsync($"{path}?probe=a%20b&other=dropped"));

        AssertEverySiteLinkCarriesTheProbe(page);
    }

    [Test]
    public async Task AChatPageItsSendFormAndTheNextFormCarryTheParameter()
    {
        await using var you = new ChatClient(_app.NewClient());
        await using var stranger = new ChatClient(_app.NewClient());

        await you.Open("/two?probe=a%20b");
        await stranger.Open("/two?probe=a%20b");
        await you.WaitForLine("You're now chatting");
        AssertEverySiteLinkCarriesTheProbe(you.Page);
        AssertEverySiteLinkCarriesTheProbe(you.Form);

        using var answer = await you.Send("hello");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertEverySiteLinkCarriesTheProbe(you.Form);
        Assert.That(you.Form.QuerySelector("form")!.GetAttribute("action"), Is.EqualTo("/send?probe=a%20b#message"));
    }

    [Test]
    public async Task QuestionModeRedirectsWithTheParameter()
    {
        using var http = _app.NewClient();

        using var answer = await http.GetAsync("/question?probe=x");

        Assert.That(answer.Headers.Location?.OriginalString, Does.EndWith("?probe=x"));
    }

    [Test]
    public async Task WithoutTheParameterLinksStayPlain()
    {
        using var http = _app.NewClient();

        var page = Parser.ParseDocument(await http.GetStringAsync("/"));

        Assert.That(page.QuerySelector("footer a")!.GetAttribute("href"), Is.EqualTo("/about"));
    }

    private static void AssertEverySiteLinkCarriesTheProbe(IDocument page)
    {
        var targets = page.QuerySelectorAll("a[href^='/']").Select(link => link.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("form[action]").Select(form => form.GetAttribute("action")!))
            .Concat(page.QuerySelectorAll("[formaction]").Select(button => button.GetAttribute("formaction")!))
            .ToList();

        Assert.That(targets, Is.Not.Empty);
        Assert.That(targets, Has.All.Contains("probe=a%20b"));
        Assert.That(targets, Has.None.Contains("other="));
    }

    /// <summary>Carries ?probe= as it came, the way a feature's own parameter would be carried.</summary>
    private sealed class Probe : ICarriedParameter
    {
        public string Name => "probe";

        public string? Carry(HttpContext context) => context.Request.Query["probe"].FirstOrDefault();
    }
}
