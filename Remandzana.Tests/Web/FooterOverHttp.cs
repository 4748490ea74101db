using AngleSharp.Html.Parser;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

[Category("Web")]
public sealed class FooterOverHttp
{
    private static readonly HtmlParser Parser = new();

    [Test]
    public async Task EveryPageCountsTheMessagesRelayedTodayWithTheRightPlural()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Metrics:RecomputeSeconds"] = "0" });
        using var http = app.NewClient();
        Assert.That(await MessagesToday(http, "/"), Is.EqualTo("0 messages today"));

        var (alice, bob) = await app.OpenPair();
        await using var _ = alice;
        await using var __ = bob;

        await alice.Send("hello");
        Assert.That(await MessagesToday(http, "/about"), Is.EqualTo("1 message today"));

        await bob.Send("hi");
        await alice.Send("http://not-moderated.example");
        Assert.That(await MessagesToday(http, "/feedback"), Is.EqualTo("3 messages today"));

        await using var third = await app.OpenChat("/three");
        var footer = await third.WaitFor(page => page.QuerySelector("footer .messages-today"), "the chat page's footer");
        Assert.That(footer.TextContent, Is.EqualTo("3 messages today"), "the chat page's footer too");
    }

    private static async Task<string?> MessagesToday(HttpClient http, string path) =>
        Parser.ParseDocument(await http.GetStringAsync(path)).QuerySelector("footer .messages-today")?.TextContent;
}
