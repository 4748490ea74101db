using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

/// <summary>Markup, template syntax and bidi tricks through every input show up as text, exactly as typed.</summary>
[Category("Web")]
public sealed class HostileInput() : SharedAppFixture(new Dictionary<string, string?> { ["Remandzana:Feedback:RateLimitPermits"] = "1000" })
{
    public static readonly string[] Corpus =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)' x='",
        "</iframe><script>alert(document.cookie)</script>",
        "</article><b>not bold</b><article>",
        "</textarea><b>out</b>",
        "<style>body{display:none}</style>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "@DateTime.Now @(1+1) @{ throw null; } @Html.Raw(\"<b>x</b>\")",
        "{{7*7}} ${7*7} <%= 7*7 %> {% raw %}",
        "\u202egnp.exe \u2066isolated\u2069 trailing",
        "&lt;already&gt; &amp; &#60;b&#62;",
        "<!-- a comment --> ]]> <![CDATA[ x ]]>",
        "srcdoc=\"<script>x</script>\"",
    ];

    private static readonly HtmlParser Parser = new();
    [TestCaseSource(nameof(Corpus))]
    public async Task AMessageShowsAsTextToEveryone(string hostile)
    {
        var (alice, bob) = await App.OpenPair();
        await using var _ = alice;
        await using var __ = bob;

        var clean = bob.Page.QuerySelectorAll("*").Length;

        await alice.Send(hostile);

        var line = await bob.WaitForLine("Stranger:");
        AssertPlainText(line.QuerySelector("bdi.text")!, hostile);
        Assert.That(line.Children.Select(child => child.LocalName), Is.EqualTo(new[] { "b", "bdi" }));
        Assert.That(bob.Page.QuerySelectorAll("*"), Has.Length.EqualTo(clean + 3), "exactly one line (div, b, bdi) was added");
        AssertPlainText((await alice.WaitForLine("You:")).QuerySelector("bdi.text")!, hostile);
    }

    [TestCaseSource(nameof(Corpus))]
    public async Task TextKeptInTheFormIsAnAttributeValueOnly(string hostile)
    {
        await using var alone = await App.OpenChat("/three");

        await alone.Send(hostile);

        var input = alone.Form.QuerySelector("input[name=message]")!;
        Assert.That(input.GetAttribute("value"), Is.EqualTo(hostile));
        Assert.That(alone.Form.Body!.QuerySelectorAll("*").Select(element => element.LocalName), Is.EqualTo(new[] { "main", "h1", "form", "input", "label", "input", "button", "button", "span", "span", "details", "summary", "div", "button", "span", "span", "button", "form", "input", "button" }), "the send form (with its More menu) and the Report form, nothing from the text");
        var srcdoc = alone.Page.QuerySelector("iframe.send")!.GetAttribute("srcdoc")!;
        Assert.That(Parser.ParseDocument(srcdoc).QuerySelectorAll("script"), Is.Empty);
    }

    [TestCaseSource(nameof(Corpus))]
    public async Task AQuestionShowsAsTextToTheAskerAndTheDiscussers(string hostile)
    {
        await using var asker = await App.OpenChat("/question/ask");
        Assert.That((await asker.Send(hostile)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var first = await App.OpenChat("/question/discuss");
        await using var second = await App.OpenChat("/question/discuss");

        var shown = await first.WaitForLine("Question:");
        AssertPlainText(shown.QuerySelector("bdi")!, $"Question: {hostile}");
        AssertPlainText((await asker.WaitForLine("Your question:")).QuerySelector("bdi")!, $"Your question: {hostile}");
    }

    [TestCaseSource(nameof(Corpus))]
    public async Task ANicknameAttemptShowsAsText(string hostile)
    {
        await using var member = await App.OpenChat("/global");
        await using var other = await App.OpenChat("/global");

        await member.Send($"/nick {hostile}");

        AssertPlainText((await member.WaitForLine("/nick")).QuerySelector("bdi.text")!, $"/nick {hostile}");
        await member.WaitForLine(Remandzana.Domain.People.Nickname.Rule);
        await member.Send("after");
        Assert.That((await other.WaitForLine("after")).QuerySelector("b.who")?.TextContent, Is.EqualTo("Anonymous:"), "the nickname was refused");
    }

    [TestCaseSource(nameof(Corpus))]
    public async Task FeedbackAndRepliesShowAsText(string hostile)
    {
        var folder = Directory.CreateDirectory(Path.Combine(App.Folder, "feedback")).FullName;
        foreach (var file in Directory.GetFiles(folder))
        {
            File.Delete(file);
        }

        var entry = new Dictionary<string, object?>
        {
            ["timestamp"] = 1634000000,
            ["datetime"] = "2021-10-12 00:53:20",
            ["message"] = hostile,
            ["visible"] = true,
            ["reply"] = hostile,
            ["operator"] = false,
        };
        await File.WriteAllTextAsync(Path.Combine(folder, "hostile.json"), JsonSerializer.Serialize(entry));
        App.Services.GetRequiredService<Remandzana.Web.Feedback.FeedbackStore>().Rescan();
        using var http = App.NewClient();

        var page = Parser.ParseDocument(await http.GetStringAsync("/feedback"));

        AssertPlainText(page.QuerySelector("article.feedback-entry p.message")!, hostile);
        AssertPlainText(page.QuerySelector("article.feedback-entry .reply-text")!, hostile);

        var tooLong = hostile + new string('!', 500);
        using var refused = await http.PostAsync("/feedback", new FormUrlEncodedContent([new("message", tooLong)]));
        var again = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        AssertPlainText(again.QuerySelector("textarea[name=message]")!, tooLong);
    }

    [Test]
    public async Task GuessingDebugKeysOnlyEverGets401AndLogsOneKeyPerCooldown()
    {
        using var http = App.NewClient();
        string[] guesses = ["", "x", new string('A', 4000), "%00", "..%2F..%2Fetc%2Fpasswd", "' OR 1=1 --", "<script>", Guid.NewGuid().ToString("N")];

        var before = DebugView.Keys(App).Count;
        foreach (var guess in guesses.Concat(Enumerable.Range(0, 40).Select(i => Convert.ToBase64String(BitConverter.GetBytes(i * 7919L)))))
        {
            using var posted = await DebugView.Post(http, guess);
            using var inTheAddress = await http.GetAsync($"/debug?key={Uri.EscapeDataString(guess)}");
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), guess);
            Assert.That(inTheAddress.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), guess);
        }

        Assert.That(DebugView.Keys(App).Count - before, Is.LessThanOrEqualTo(1), "at most one key within the cooldown, however many guesses");
    }

    /// <summary>The element holds only text (no element came from user input) and the text is exactly what was typed.</summary>
    private static void AssertPlainText(IElement element, string expected)
    {
        Assert.That(element.Children, Is.Empty, "no element came from user text");
        Assert.That(element.TextContent, Is.EqualTo(expected));
    }
}
