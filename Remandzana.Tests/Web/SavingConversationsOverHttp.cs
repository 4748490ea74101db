using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;
using Remandzana.Web.Chat;
using Remandzana.Web.Options;

namespace Remandzana.Tests.Web;

/// <summary>"Save conversation": the send form posts its token and gets the conversation as a standalone HTML file.</summary>
[Category("Web")]
public sealed class SavingConversationsOverHttp() : SharedAppFixture
{
    private const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> & \"quotes\" </div></main>";
    private static readonly HtmlParser Parser = new();

    [Test]
    public async Task WhileChattingTheFileHasTheLinesAsTheViewerSawThemOldestFirst()
    {
        var (alice, bob) = await App.OpenPair();
        await using var _ = alice;
        await using var __ = bob;
        await alice.Send("hello, bob");
        await bob.WaitForLine("Stranger: hello, bob");
        await bob.Send(Hostile);
        await alice.WaitForLine("alert(1)");

        Assert.That(alice.Form.QuerySelector("form.compose button.save[formaction='/transcript']"), Is.Not.Null, "the form has the button");
        var (response, body) = await alice.SaveConversation();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
        Assert.That(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Does.Match(@"^remandzana-two-\d{8}-\d{6}Z\.html$"));
        var file = Parser.ParseDocument(body);
        Assert.That(Texts(file), Is.EqualTo(new[]
        {
            Notices.LookingForStranger,
            Notices.FoundStranger,
            "You: hello, bob",
            "Stranger: " + Hostile,
        }), "names as Alice saw them, in the order she saw them");
        AssertStandalone(file);
        Assert.That(file.QuerySelectorAll(".lines time").Select(time => time.GetAttribute("datetime")), Has.All.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"), "times in UTC");

        var (_, bobs) = await bob.SaveConversation();
        Assert.That(Texts(Parser.ParseDocument(bobs)), Does.Contain("Stranger: hello, bob").And.Contain("You: " + Hostile), "Bob's file is in Bob's words");
    }

    [Test]
    public async Task AfterTheConversationEndedItCanStillBeSavedFromTheLastForm()
    {
        var (alice, bob) = await App.OpenPair();
        await using var _ = alice;
        await bob.Send("bye now");
        await alice.WaitForLine("Stranger: bye now");
        await bob.DisposeAsync();
        await alice.WaitForEnd();

        var (response, body) = await alice.SaveConversation();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Texts(Parser.ParseDocument(body)), Is.EqualTo(new[]
        {
            Notices.LookingForStranger,
            Notices.FoundStranger,
            "Stranger: bye now",
            Notices.StrangerLeft,
            Notices.ConversationOver,
        }));

        await alice.Send("anyone?");
        Assert.That(alice.LastAnswer.QuerySelector("input[name=message][disabled]"), Is.Not.Null, "the chat has ended");
        Assert.That(alice.LastAnswer.QuerySelector("form.save-form button.save"), Is.Not.Null, "the ended form still saves");
        var (again, _) = await alice.SaveConversation();
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "saved from the ended form's token");
    }

    [Test]
    public async Task AForgedTokenIsRefusedWithTheFormAndTheTextKept()
    {
        using var http = App.NewClient();
        var response = await http.PostAsync("/transcript", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "forged", ["message"] = "half a thought" }));
        var form = Parser.ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentDisposition, Is.Null, "no file");
        Assert.That(form.QuerySelector("input[name=message]")?.GetAttribute("value"), Is.EqualTo("half a thought"));
        Assert.That(form.QuerySelector("p.error")?.TextContent, Does.Contain("not saved"));
    }

    [Test]
    public async Task TenMinutesAfterTheEndTheLinesAreDroppedAndTheFormSaysSo()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RemandzanaApp(services: services =>
        {
            services.RemoveAll<Transcripts>();
            services.AddSingleton(provider => new Transcripts(provider.GetRequiredService<IOptions<TranscriptOptions>>(), clock));
        });
        var transcripts = app.Services.GetRequiredService<Transcripts>();
        var (alice, bob) = await app.OpenPair();
        await using var _ = alice;

        await bob.DisposeAsync();
        await alice.WaitForEnd();
        await Eventually.That(() => transcripts.Find(IdOf(app, alice)) is { EndedAt: not null }, "Alice's page to end");

        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.That((await alice.SaveConversation()).Response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "still kept just before ten minutes");

        clock.Advance(TimeSpan.FromSeconds(1));
        var (response, body) = await alice.SaveConversation(typed: "kept text");
        var form = Parser.ParseDocument(body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That(form.QuerySelector("p.error")?.TextContent, Does.Contain("no longer kept").And.Contain("10 minutes"));
        Assert.That(form.QuerySelector("input[name=message]")?.GetAttribute("value"), Is.EqualTo("kept text"));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(transcripts.Count, Is.Zero, "the sweep dropped the lines from memory");
        await app.WaitUntilEveryoneHasLeft();
    }

    [Test]
    public async Task WhenSavingIsOffThereIsNoButtonAndNoEndpoint()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Transcripts:Enabled"] = "false" });
        await using var alice = await app.OpenChat("/two");

        Assert.That(alice.Form.QuerySelector("button.save, [formaction], form.save-form"), Is.Null);
        Assert.That((await alice.SaveConversation()).Response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(app.Services.GetRequiredService<Transcripts>().Count, Is.Zero, "nothing is kept");
    }

    /// <summary>The person id inside Alice's token, as the server reads it.</summary>
    private static string IdOf(RemandzanaApp app, ChatClient client) => app.Services.GetRequiredService<Remandzana.Web.Security.SendTokens>().Read(client.Token)!.PersonId.Value;

    private static List<string> Texts(IDocument file) =>
        [.. file.QuerySelectorAll(".lines .line").Select(line => string.Concat(line.ChildNodes.Where(node => node is not IElement { LocalName: "time" }).Select(node => node.TextContent)).Trim())];

    /// <summary>Nothing in the file runs or loads: no script, no handler, no external resource, and a policy that forbids them anyway.</summary>
    private static void AssertStandalone(IDocument file)
    {
        Assert.Multiple(() =>
        {
            Assert.That(file.QuerySelectorAll("script, img, iframe, link, object, embed"), Is.Empty);
            Assert.That(file.All.SelectMany(element => element.Attributes).Where(attribute => attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name is "src" or "href"), Is.Empty);
            Assert.That(file.QuerySelector("style")?.TextContent, Does.Contain(".line.you .who"), "the site's look is inlined");
            Assert.That(file.QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content"), Does.StartWith("default-src 'none'; style-src 'sha256-"));
        });
    }
}
