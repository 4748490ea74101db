using System.Net;
using AngleSharp.Html.Parser;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Moderation;
using Remandzana.Tests.Support;
using Remandzana.Web.Grains;
using Remandzana.Web.Security;

namespace Remandzana.Tests.Web;

[Category("Web")]
public sealed class ModerationOverHttp
{
    private const string Reason = "links and onion addresses are not allowed here";
    private const string ListedOnion = "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad";
    private const string OtherOnion = "juhanurmihxlp77nkq76byazcldy2hlmovfu2epvl5ankdibsot4csyd";
    private static readonly HtmlParser Parser = new();

    [Test]
    public async Task SuppressionsWarnTheSenderThenAKickEndsTheirConversationAndTellsThePartner()
    {
        await using var app = new RemandzanaApp(Policy("Two", "BlockUrls", suppress: 1, then: "Kick"));
        var (alice, bob) = await app.OpenPair();
        await using var _ = alice;
        await using var __ = bob;

        Assert.That((await alice.Send("visit https://example.com")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(alice.Form.QuerySelector(".error")?.TextContent, Does.Contain(Reason).And.Contain("next time you will be removed"));
        Assert.That(alice.Form.QuerySelector("input[name=message]")?.GetAttribute("value"), Is.EqualTo("visit https://example.com"), "the text is kept to edit");
        var warning = await alice.WaitForLine(Notices.Suppressed(Reason).English);
        Assert.That(warning.ClassList, Does.Contain("moderation"));

        var kick = await alice.Send("https://example.com again");

        Assert.That(alice.Form.QuerySelector("input[name=message]")?.HasAttribute("disabled"), Is.True);
        Assert.That(alice.Form.QuerySelector(".error")?.TextContent, Is.EqualTo(Notices.Kicked(Reason).English));
        await alice.WaitForLine(Notices.Kicked(Reason).English);
        await alice.WaitForEnd();
        await bob.WaitForLine(Notices.StrangerLeft);
        await bob.WaitForEnd();
        Assert.That(bob.ChatTexts, Is.Empty, "no refused message reached the partner");
        Assert.That(kick.Headers.Contains("Set-Cookie"), Is.False, "a kick marks nothing");
    }

    [Test]
    public async Task AnExileSetsTheOneCookieAndChatPagesThenAnswer403()
    {
        await using var app = new RemandzanaApp(Policy("Two", "BlockUrls", suppress: 0, then: "Exile"));
        var (alice, bob) = await app.OpenPair();
        await using var _ = alice;
        await using var __ = bob;

        var answer = await alice.Send($"come to {OtherOnion}.onion");

        Assert.That(answer.Headers.TryGetValues("Set-Cookie", out var cookies), Is.True, "the exile mark is set");
        var cookie = cookies!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(cookie, Does.StartWith(ExileMarks.CookieName + "="));
            Assert.That(cookie, Does.Contain("httponly").IgnoreCase);
            Assert.That(cookie, Does.Contain("samesite=strict").IgnoreCase);
            Assert.That(alice.Form.QuerySelector(".error")?.TextContent, Is.EqualTo(Notices.Exiled(Reason).English));
        });
        await alice.WaitForEnd();
        await bob.WaitForLine(Notices.StrangerLeft);

        var mark = cookie.Split(';')[0];
        using var http = app.NewClient();
        using var exiled = await Get(http, "/two", mark);
        Assert.That(exiled.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var page = Parser.ParseDocument(await exiled.Content.ReadAsStringAsync());
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("You have been exiled site-wide"));
        using var exiledQuestion = await Get(http, "/question", mark);
        Assert.That(exiledQuestion.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        var forged = $"{ExileMarks.CookieName}={mark[(ExileMarks.CookieName.Length + 1)..^4]}AAAA";
        using var withForgery = await Get(http, "/question", forged);
        Assert.That(withForgery.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a forged mark counts for nothing");
        using var withoutMark = await Get(http, "/question", null);
        Assert.That(withoutMark.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task TheBlacklistRefusesListedOnionsAndLetsOthersThrough()
    {
        var blacklist = Path.Combine(Path.GetTempPath(), $"remandzana-blacklist-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(blacklist, $"{OnionBlacklist.Digest("someother2222222")}\n{OnionBlacklist.Digest(ListedOnion).ToUpperInvariant()}\n\n");
        try
        {
            var settings = Policy("Two", "OnionBlacklist", suppress: 3, then: "Kick");
            settings["Remandzana:Moderation:OnionBlacklistFile"] = blacklist;
            await using var app = new RemandzanaApp(settings);
            var (alice, bob) = await app.OpenPair();
            await using var _ = alice;
            await using var __ = bob;

            await alice.Send($"try {ListedOnion}.onion");
            await alice.Send($"or {OtherOnion}.onion");

            await bob.WaitForLine($"Stranger: or {OtherOnion}.onion");
            await alice.WaitForLine(Notices.Suppressed("that onion address is blacklisted").English);
            Assert.That(bob.ChatTexts, Is.EqualTo(new[] { $"Stranger: or {OtherOnion}.onion" }));
        }
        finally
        {
            File.Delete(blacklist);
        }
    }

    [Test]
    public async Task AQuestionThatViolatesAPolicyIsRefusedWithTheReasonAndTheTextKept()
    {
        await using var app = new RemandzanaApp(Policy("Question", "BlockUrls", suppress: 0, then: "Exile"));
        await using var asker = await app.OpenChat("/question/ask");
        const string question = "What do you think of http://example.com?";

        var answer = await asker.Send(question);

        Assert.Multiple(() =>
        {
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.Headers.Contains("Set-Cookie"), Is.False, "a refused question is not sanctioned");
            Assert.That(asker.Form.QuerySelector(".error")?.TextContent, Is.EqualTo(Notices.QuestionRefused(Reason).English));
            Assert.That(asker.Form.QuerySelector("input[name=message]")?.GetAttribute("value"), Is.EqualTo(question));
            Assert.That(asker.Form.QuerySelector("button")?.TextContent, Is.EqualTo("Ask"), "still the question form");
        });
        await asker.WaitForLine(Notices.QuestionRefused(Reason).English);

        await asker.Send("What do you think of cats?");
        await asker.WaitForLine(Notices.YourQuestion("What do you think of cats?").English);
    }

    [Test]
    public void ABadRepeatedTextThresholdStopsTheStartNamingTheSetting()
    {
        var failure = Assert.Catch(() => _ = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Moderation:RepeatedText:Rooms"] = "0" }));

        Assert.That(MessagesOf(failure), Does.Contain("Remandzana:Moderation:RepeatedText").And.Contain("Rooms"));
    }

    [Test]
    public void EnablingTheBlacklistWithoutItsFileStopsTheStartNamingThePath()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"remandzana-no-such-blacklist-{Guid.NewGuid():N}.txt");
        var settings = Policy("Global", "OnionBlacklist", suppress: 0, then: "Exile");
        settings["Remandzana:Moderation:OnionBlacklistFile"] = missing;

        var failure = Assert.Catch(() => _ = new RemandzanaApp(settings));

        Assert.That(MessagesOf(failure), Does.Contain(missing).And.Contain("OnionBlacklistFile"));
    }

    [Test]
    public void ANegativeSuppressionCountStopsTheStartNamingTheSetting()
    {
        var failure = Assert.Catch(() => _ = new RemandzanaApp(Policy("Three", "BlockUrls", suppress: -1, then: "Kick")));

        Assert.That(MessagesOf(failure), Does.Contain("Remandzana:Moderation:Three:BlockUrls"));
    }

    [Test]
    public async Task TheAboutPageShowsEachModesPoliciesWithTheirLadders()
    {
        var blacklist = Path.Combine(Path.GetTempPath(), $"remandzana-blacklist-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(blacklist, OnionBlacklist.Digest(ListedOnion) + "\n");
        try
        {
            var settings = Policy("Two", "BlockUrls", suppress: 5, then: "Kick");
            foreach (var (key, value) in Policy("Global", "OnionBlacklist", suppress: 0, then: "Exile"))
            {
                settings[key] = value;
            }

            foreach (var (key, value) in Policy("Global", "BlockUrls", suppress: 2, then: "Kick"))
            {
                settings[key] = value;
            }

            settings["Remandzana:Moderation:OnionBlacklistFile"] = blacklist;
            await using var app = new RemandzanaApp(settings);
            using var http = app.NewClient();

            var page = Parser.ParseDocument(await http.GetStringAsync("/about"));

            var policies = page.QuerySelectorAll("dl.modes-list dt").ToDictionary(
                mode => mode.TextContent,
                mode => mode.NextElementSibling?.QuerySelector(".policies")?.TextContent);
            Assert.Multiple(() =>
            {
                Assert.That(policies["Two strangers"], Is.EqualTo("Moderation: Block URLs [suppress ×5 → kick], Repeated text [suppress ×2 → kick]"));
                Assert.That(policies["Global chat"], Is.EqualTo("Moderation: Block URLs [suppress ×2 → kick], Onion blacklist [exile], Repeated text [suppress ×2 → kick]"));
                Assert.That(policies["Three strangers"], Is.EqualTo("Moderation: Repeated text [suppress ×2 → kick]"));
                Assert.That(policies["Ask a question"], Is.EqualTo("Moderation: Repeated text [suppress ×2 → kick]"));
            });
        }
        finally
        {
            File.Delete(blacklist);
        }
    }

    [Test]
    public async Task ByDefaultOnlyRepeatedTextIsActiveInEveryMode()
    {
        await using var app = new RemandzanaApp();
        using var http = app.NewClient();

        var page = Parser.ParseDocument(await http.GetStringAsync("/about"));

        var modes = page.QuerySelectorAll("dl.modes-list dd .policies").Select(policies => policies.TextContent).ToList();
        Assert.That(modes, Has.Count.EqualTo(6));
        Assert.That(modes.Take(5), Is.All.EqualTo("Moderation: Repeated text [suppress ×2 → kick]"));
        Assert.That(modes[5], Is.EqualTo("Moderation: as in the mode of the room you join"));
    }

    /// <summary>The messages of an exception and all its inner ones: the host wraps the options failure.</summary>
    private static string MessagesOf(Exception? failure)
    {
        var messages = new List<string>();
        for (var e = failure; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }

    private static Dictionary<string, string?> Policy(string mode, string policy, int suppress, string then) => new()
    {
        [$"Remandzana:Moderation:{mode}:{policy}:Enabled"] = "true",
        [$"Remandzana:Moderation:{mode}:{policy}:Suppress"] = suppress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Remandzana:Moderation:{mode}:{policy}:Then"] = then,
    };

    private static async Task<HttpResponseMessage> Get(HttpClient http, string path, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }
}
