using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Remandzana.Tests.Support;
using Remandzana.Web.Options;

namespace Remandzana.Tests.Web;

/// <summary>
/// Challenges cost the address that asks for them: a script that floods the challenge page or
/// guesses at answers is refused with a 429 that says when to come back, and nobody else is.
/// Each test asks from its own forwarded addresses (the test client is a known proxy).
/// </summary>
[Category("Web")]
public sealed class ChallengeCostOverHttp() : SharedAppFixture(new Dictionary<string, string?>
{
    ["Remandzana:Captcha:Mode"] = "Always",
    ["Remandzana:Captcha:WrongAnswersPerMinute"] = "3",
    ["Remandzana:Captcha:MediaPerMinute"] = "5",
    ["Remandzana:Limits:PerAddressLimitsEnabled"] = "true",
    ["Remandzana:Proxy:KnownProxies:0"] = "127.0.0.1",
})
{
    private static readonly HtmlParser Parser = new();

    private int ChallengesPerMinute => App.Services.GetRequiredService<IOptions<CaptchaOptions>>().Value.ChallengesPerMinute;

    [Test]
    public async Task AFloodOfChallengesFromOneSlash64Gets429PastTheLimitWithAPageThatSaysWhenToComeBack()
    {
        using var http = App.NewClient();
        var answers = new List<HttpResponseMessage>();
        for (var i = 1; i <= 200; i++)
        {
            // A new address of the same /64 each time, as a script on one home connection can.
            answers.Add(await Get(http, "/two", from: $"2001:db8:a:1::{i:x}"));
        }

        var statuses = answers.Select(answer => answer.StatusCode).ToList();
        Assert.That(statuses.Take(ChallengesPerMinute), Is.All.EqualTo(HttpStatusCode.OK), "a person reloading a few times never notices");
        Assert.That(statuses.Skip(ChallengesPerMinute), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
        var refused = answers[^1];
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(retryAfter, Is.InRange(1, 60));
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Too many challenges"));
        Assert.That(page.QuerySelector(".problem p")?.TextContent, Is.EqualTo($"Your address asked for too many challenges in the last minute. Come back in {retryAfter} seconds."));
        Assert.That(page.QuerySelector("form.captcha-form"), Is.Null, "no challenge to solve");
        Assert.That(refused.Headers.CacheControl?.NoStore, Is.True);

        using var german = await Get(http, "/two?lang=de", from: "2001:db8:a:1::ffff");
        Assert.That(german.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(Parser.ParseDocument(await german.Content.ReadAsStringAsync()).QuerySelector("h1")?.TextContent, Is.EqualTo("Zu viele Aufgaben"), "in the visitor's language");

        using var neighbour = await Get(http, "/two", from: "2001:db8:a:2::1");
        Assert.That(Captchas.Read(Parser.ParseDocument(await neighbour.Content.ReadAsStringAsync())), Is.Not.Null, "the next /64 is somebody else");
        answers.ForEach(answer => answer.Dispose());
    }

    [Test]
    public async Task ANewChallengeAfterAWrongReplayedOrBrokenAnswerCountsToo()
    {
        using var http = Client(from: "198.51.100.20");
        var forms = new List<ChallengeForm>();
        for (var i = 0; i < ChallengesPerMinute - 3; i++)
        {
            forms.Add(await Challenge(http, "/three"));
        }

        using var wrong = await Captchas.Answer(http, forms[0], code: "WRONG1");
        using var replayed = await Captchas.Answer(http, forms[0], code: "WRONG1");
        using var broken = await http.PostAsync("/captcha", new FormUrlEncodedContent([new("challenge", forms[1].Challenge), new("challenge", forms[1].Challenge)]));
        using var oneTooMany = await Captchas.Answer(http, forms[2], code: "WRONG2");

        Assert.That(new[] { wrong.StatusCode, replayed.StatusCode, broken.StatusCode }, Is.All.EqualTo(HttpStatusCode.BadRequest), "each showed a new challenge");
        Assert.That(oneTooMany.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "the limit's worth of challenges were shown");
        Assert.That(Parser.ParseDocument(await oneTooMany.Content.ReadAsStringAsync()).QuerySelector("h1")?.TextContent, Is.EqualTo("Too many challenges"));
        Assert.That(oneTooMany.Headers.Contains("Retry-After"));
    }

    [Test]
    public async Task WrongAnswersPastTheLimitGet429AndTheNextAnswerIsNotEvenChecked()
    {
        using var http = Client(from: "2001:db8:b:1::1");
        await Captchas.Solve(http, App.Services, "/two");
        var form = await Challenge(http, "/two");
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await Captchas.Answer(http, form, code: "WRONG", answer: "0");
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), $"wrong answer {i + 1}: a right one before them cost nothing");
            form = Captchas.Read(Parser.ParseDocument(await wrong.Content.ReadAsStringAsync()))!;
        }

        using var right = await Captchas.Answer(http, form, answer: Captchas.AnswerTo(App.Services, form.Challenge));

        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "a guess past the limit gets no verdict, right or wrong");
        Assert.That(right.Headers.Contains("Retry-After"));
        var page = Parser.ParseDocument(await right.Content.ReadAsStringAsync());
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Too many wrong answers"));
        Assert.That(page.QuerySelector(".problem p")?.TextContent, Does.StartWith("Your address gave too many wrong answers in the last minute. Come back in "));

        using var elsewhere = Client(from: "2001:db8:b:2::1");
        using var theirWrong = await Captchas.Answer(elsewhere, await Challenge(elsewhere, "/two"), code: "WRONG");
        Assert.That(theirWrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "another /64 still gets its answers checked");
    }

    private HttpClient Client(string from)
    {
        var http = App.NewClient();
        http.DefaultRequestHeaders.Add("X-Forwarded-For", from);
        return http;
    }

    [Test]
    public async Task FetchingOneChallengesPictureAndRecordingOverAndOverGets429PastMediaPerMinute()
    {
        using var http = App.NewClient();
        using var shown = await Get(http, "/two", from: "2001:db8:a:9::1");
        var form = Captchas.Read(Parser.ParseDocument(await shown.Content.ReadAsStringAsync()))!;
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 8; i++)
        {
            // Each fetch is drawn or mixed anew: one id and a fresh address of the /64 each time.
            using var media = await Get(http, i % 2 == 0 ? form.Picture : form.Recording, from: $"2001:db8:a:9::{i:x}");
            statuses.Add(media.StatusCode);
        }

        Assert.That(statuses.Take(5), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(statuses.Skip(5), Is.All.EqualTo(HttpStatusCode.TooManyRequests), "MediaPerMinute (5) holds for the whole /64");
        using var neighbour = await Get(http, form.Recording, from: "2001:db8:a:10::1");
        Assert.That(neighbour.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the next /64 is somebody else");
    }

    private static Task<HttpResponseMessage> Get(HttpClient http, string path, string from)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "X-Forwarded-For", from } } };
        return http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
    }

    private static async Task<ChallengeForm> Challenge(HttpClient http, string path)
    {
        using var answer = await http.GetAsync(path);
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"a challenge at {path}");
        return Captchas.Read(Parser.ParseDocument(await answer.Content.ReadAsStringAsync())) ?? throw new AssertionException($"{path} showed no challenge.");
    }
}
