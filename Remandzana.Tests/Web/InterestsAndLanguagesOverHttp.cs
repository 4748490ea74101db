using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

/// <summary>Interests and languages over real streams: who meets whom, what they are told, and in which language.</summary>
[Category("Web")]
public sealed class InterestsAndLanguagesOverHttp
{
    private static readonly HtmlParser Parser = new();
    private RemandzanaApp _app = null!;

    [OneTimeSetUp]
    public void StartApp() =>
        _app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Matching:InterestWaitSeconds"] = "2" });

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [Test]
    public async Task TwoWhoLikeMusicMeetAndTheOneWithoutInterestsMeetsSomeoneAfterTheWait()
    {
        // The wait runs on a clock of the test's: on the real one, a slow moment let the first
        // person's wait run out before the fourth arrived, and they met at once.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Matching:InterestWaitSeconds"] = "2" }, clock);
        await using var plain = await app.OpenChat("/two");
        await using var music = await app.OpenChat("/two?interests=Music");
        await using var alsoMusic = await app.OpenChat("/two?interests=chess,music");

        await music.WaitForLine("You both like music.");
        await alsoMusic.WaitForLine("You both like music.");
        await using var chess = await app.OpenChat("/two?interests=chess");
        await chess.WaitForLine(Notices.LookingForStranger);
        Assert.That(plain.LineTexts, Has.None.Contains(Notices.FoundStranger));

        clock.Advance(TimeSpan.FromSeconds(2));
        await chess.WaitForLine(Notices.NoSharedInterests);
        await chess.WaitForLine(Notices.FoundStranger);
        await plain.WaitForLine(Notices.FoundStranger);
        Assert.That(plain.LineTexts, Has.None.Contains("like"));
    }

    [Test]
    public async Task InSpanishThePageItsSystemLinesAndTheFormsErrorsAreSpanish()
    {
        await using var you = await _app.OpenChat("/three?lang=es&interests=poesía");

        await you.WaitForLine("Buscando dos desconocidos con quienes chatear…");
        Assert.That(you.Page.DocumentElement.GetAttribute("lang"), Is.EqualTo("es"));
        Assert.That(you.Page.QuerySelector("iframe")!.GetAttribute("title"), Is.EqualTo("Enviar un mensaje"));
        Assert.That(you.Page.QuerySelector("a.start-over")!.TextContent, Is.EqualTo("Nueva conversación"));
        Assert.That(you.Page.QuerySelector("a.start-over")!.GetAttribute("href"), Is.EqualTo("/three?lang=es&interests=poes%C3%ADa"), "a new conversation keeps the language and the interests");

        using var answer = await you.Send("   ");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(you.Form.QuerySelector("p.error")!.TextContent, Is.EqualTo("Escribe un mensaje primero."));
        Assert.That(you.Form.QuerySelector("html")!.GetAttribute("lang"), Is.EqualTo("es"));
        Assert.That(you.Form.QuerySelector("form")!.GetAttribute("action"), Is.EqualTo("/send?lang=es&interests=poes%C3%ADa#message"));
    }

    [Test]
    public async Task OneRoomSpeaksToEachMemberInTheirOwnLanguage()
    {
        await using var spanish = await _app.OpenChat("/two?lang=es&interests=tango");
        await using var german = await _app.OpenChat("/two?lang=de&interests=tango");

        await spanish.WaitForLine("Ahora estás chateando con un desconocido al azar. ¡Saluda!");
        await german.WaitForLine("Du chattest jetzt mit einer zufälligen fremden Person. Sag hallo!");
        await german.WaitForLine("Ihr mögt beide: tango.");
    }

    [Test]
    public async Task ASpanishAskerAndSpanishDiscussersReadTheNoticesThatCarryTheQuestionInSpanish()
    {
        await using var asker = await _app.OpenChat("/question/ask?lang=es");
        await asker.WaitForLine("Escribe una pregunta para que la discutan dos desconocidos.");

        Assert.That((await asker.Send("¿Té o café?")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var yours = await asker.WaitForLine("¿Té o café?");
        Assert.That(yours.TextContent, Is.EqualTo("Tu pregunta: ¿Té o café?"), "the asker's own question, told by the matchmaker, in the asker's language");
        await using var first = await _app.OpenChat("/question/discuss?lang=es");
        await using var second = await _app.OpenChat("/question/discuss?lang=es");
        Assert.That((await first.WaitForLine("¿Té o café?")).TextContent, Is.EqualTo("Pregunta: ¿Té o café?"));
        Assert.That((await second.WaitForLine("¿Té o café?")).TextContent, Is.EqualTo("Pregunta: ¿Té o café?"));
    }

    [Test]
    public async Task TheBrowsersLanguageIsUsedWhenTheAddressNamesNone()
    {
        using var http = _app.NewClient();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("xx, de-AT;q=0.9, en;q=0.5");

        var page = Parser.ParseDocument(await http.GetStringAsync("/"));

        Assert.That(page.DocumentElement.GetAttribute("lang"), Is.EqualTo("de"));
        Assert.That(page.QuerySelector("h1")!.TextContent, Is.EqualTo("Sprich mit Fremden"));
        Assert.That(page.QuerySelector("footer a")!.GetAttribute("href"), Is.EqualTo("/about"), "a header's choice is not carried");
    }

    [Test]
    public async Task ArabicReadsRightToLeft()
    {
        using var http = _app.NewClient();

        var page = Parser.ParseDocument(await http.GetStringAsync("/?lang=ar"));

        Assert.That(page.DocumentElement.GetAttribute("lang"), Is.EqualTo("ar"));
        Assert.That(page.DocumentElement.GetAttribute("dir"), Is.EqualTo("rtl"));
        Assert.That(page.QuerySelector("h1")!.TextContent, Is.EqualTo("تحدّث مع غرباء"));
    }

    [Test]
    public async Task EveryLinkKeepsTheLanguageAndTheInterestsAndTheFormKeepsTheLanguage()
    {
        using var http = _app.NewClient();

        var page = Parser.ParseDocument(await http.GetStringAsync("/?lang=fr&interests=Jazz,%20chess"));

        var links = page.QuerySelectorAll("a[href^='/']").Select(link => link.GetAttribute("href")!).ToList();
        Assert.That(links.Where(link => !link.Contains("lang=", StringComparison.Ordinal)), Is.Empty);
        Assert.That(links.Where(link => !link.Contains("interests=jazz%2Cchess", StringComparison.Ordinal)), Is.Empty);
        Assert.That(page.QuerySelector("form.interests-form input[name=lang]")!.GetAttribute("value"), Is.EqualTo("fr"));
        Assert.That(page.QuerySelector("input#interests")!.GetAttribute("value"), Is.EqualTo("Jazz, chess"));
        Assert.That(page.QuerySelector("footer a[hreflang=de]")!.GetAttribute("href"), Is.EqualTo("/?interests=jazz%2Cchess&lang=de"));
    }

    [Test]
    public async Task InterestsThatAreNotValidAreExplainedAndKeptAsTyped()
    {
        using var http = _app.NewClient();

        var page = Parser.ParseDocument(await http.GetStringAsync("/?interests=rock%26roll,jazz"));

        Assert.That(page.QuerySelector("form.interests-form p.error"), Is.Not.Null);
        Assert.That(page.QuerySelector("input#interests")!.GetAttribute("value"), Is.EqualTo("rock&roll,jazz"));
        Assert.That(page.QuerySelector("a.big")!.GetAttribute("href"), Is.EqualTo("/two?interests=jazz"));
    }

    [Test]
    public async Task TheHomePageCountsPeopleChattingPerModeAtMostAFewSecondsLate()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RemandzanaApp(clock: clock);
        using var http = app.NewClient();
        Assert.That(await Online(http, "/global"), Is.EqualTo("0 online"));

        await using var global = await app.OpenChat("/global");
        await using var two = await app.OpenChat("/two");
        Assert.That(await Online(http, "/global"), Is.EqualTo("0 online"), "the count is cached");

        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.That(await Online(http, "/global"), Is.EqualTo("1 online"));
        Assert.That(await Online(http, "/two"), Is.EqualTo("1 online"));
        Assert.That(await Online(http, "/three"), Is.EqualTo("0 online"));
    }

    private static async Task<string> Online(HttpClient http, string mode)
    {
        var page = Parser.ParseDocument(await http.GetStringAsync("/"));
        return page.QuerySelector($"a.button[href='{mode}'] .online")!.TextContent;
    }
}
