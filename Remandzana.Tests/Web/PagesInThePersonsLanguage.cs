using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Remandzana.Tests.Support;
using Remandzana.Web.Captcha;
using Remandzana.Web.Grains;

namespace Remandzana.Tests.Web;

/// <summary>The captcha, the saved conversation, the report answer and the chat page speak the person's language, sent as UTF-8 text, user text still encoded.</summary>
[Category("Web")]
public sealed class PagesInThePersonsLanguage
{
    private static readonly HtmlParser Parser = new();

    private static Dictionary<string, string?> CaptchaAlways() => new() { ["Remandzana:Captcha:Mode"] = "Always" };

    private static void AssertLanguage(IDocument page, string culture, string direction)
    {
        Assert.That(page.DocumentElement.GetAttribute("lang"), Is.EqualTo(culture));
        Assert.That(page.DocumentElement.GetAttribute("dir"), Is.EqualTo(direction));
    }

    [Test]
    public async Task TheCaptchaInSpanishAsksInSpanishAndItsRecordingSpeaksSpanish()
    {
        await using var app = new RemandzanaApp(CaptchaAlways());
        using var http = app.NewClient();

        var page = Parser.ParseDocument(await http.GetStringAsync("/three?lang=es"));
        var form = Captchas.Read(page)!;

        AssertLanguage(page, "es", "ltr");
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Un momento: ¿eres una persona?"));
            Assert.That(page.QuerySelector("label[for=code]")?.TextContent, Is.EqualTo("Los caracteres de la imagen, o las cifras que oíste"));
            Assert.That(page.QuerySelector("img")?.GetAttribute("alt"), Does.StartWith("Un código deformado de 6 letras y cifras."));
            Assert.That(page.QuerySelector("#recording-label")?.TextContent, Does.StartWith("Grabación: 6 cifras"));
            Assert.That(page.QuerySelector("button[type=submit]")?.TextContent, Is.EqualTo("Continuar al chat"));
            Assert.That(form.Action, Does.Contain("lang=es"));
            Assert.That(app.Services.GetRequiredService<Challenges>().Open(form.Challenge)!.Language, Is.EqualTo("es"), "the recording speaks the page's language");
        });

        using var wrong = await Captchas.Answer(http, form, answer: "mil");
        var again = Captchas.Read(Parser.ParseDocument(await wrong.Content.ReadAsStringAsync()))!;
        Assert.That(again.Error, Does.StartWith("No era correcto."));

        using var solved = await Captchas.Answer(http, again, answer: " " + Captchas.DigitsInTheRecording(app.Services, again.Challenge) + " ");
        Assert.That(solved.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther), "the digits heard");
    }

    [Test]
    public async Task TheCaptchaInArabicIsRightToLeftInArabicCharactersAndTakesDigitsOfEitherScript()
    {
        await using var app = new RemandzanaApp(CaptchaAlways());
        using var http = app.NewClient();

        var source = await http.GetStringAsync("/two?lang=ar");
        var page = Parser.ParseDocument(source);
        var form = Captchas.Read(page)!;

        AssertLanguage(page, "ar", "rtl");
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("لحظة: هل أنت إنسان؟"));
            Assert.That(page.QuerySelector("label[for=code]")?.TextContent, Is.EqualTo("الأحرف الظاهرة في الصورة، أو الأرقام التي سمعتها"));
            Assert.That(source, Does.Contain("لحظة: هل أنت إنسان؟"), "sent as UTF-8 characters");
            Assert.That(source, Does.Not.Match("&#x0*6[0-9A-Fa-f]{2};"), "no Arabic character references");
        });

        var digits = Captchas.DigitsInTheRecording(app.Services, form.Challenge);
        var arabicIndic = string.Concat(digits.Select(digit => (char)('٠' + (digit - '0'))));
        using var solved = await Captchas.Answer(http, form, answer: arabicIndic);
        Assert.That(solved.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther), "Arabic-Indic digits are digits");
    }

    [Test]
    public async Task AUsedUpPassSaysSoInGerman()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Captcha:Mode"] = "Always", ["Remandzana:Captcha:PassChats"] = "1" });
        using var http = app.NewClient();
        var chat = await Captchas.Solve(http, app.Services, "/two?lang=de");
        await using (var tab = new ChatClient(app.NewClient()))
        {
            await tab.Open(chat);
        }

        using var answer = await http.GetAsync(chat);
        var page = Parser.ParseDocument(await answer.Content.ReadAsStringAsync());

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        AssertLanguage(page, "de", "ltr");
        Assert.That(Captchas.Read(page)?.Error, Is.EqualTo("Dein Pass hat alle 1 Chats geöffnet, für die er galt. Löse noch eine Aufgabe, um weiterzumachen."));
    }

    [Test]
    public async Task TheSavedConversationIsInTheLanguageOfThePageItWasSavedFrom()
    {
        await using var app = new RemandzanaApp();
        await using var alice = await app.OpenChat("/two?lang=es");
        await using var bea = await app.OpenChat("/two?lang=es");
        await alice.WaitForLine("Ahora estás chateando");
        await using var omar = await app.OpenChat("/two?lang=ar");
        await using var bob = await app.OpenChat("/two?lang=ar");
        await bob.WaitForLine("أنت الآن تدردش");
        await alice.Send("<b>привет</b> & hola");
        await omar.Send("<b>привет</b> & hola");
        await bob.WaitForLine("привет");
        await alice.WaitForLine("привет");

        var spanish = alice.Form.QuerySelector("button.save[formaction]")!.GetAttribute("formaction")!;
        var arabic = bob.Form.QuerySelector("button.save[formaction]")!.GetAttribute("formaction")!;
        Assert.That((spanish, arabic), Is.EqualTo(("/transcript?lang=es", "/transcript?lang=ar")), "the save button carries the page's language");

        var (_, spanishBody) = await alice.SaveConversation(path: spanish);
        var (_, arabicBody) = await bob.SaveConversation(path: arabic);
        var spanishFile = Parser.ParseDocument(spanishBody);
        var arabicFile = Parser.ParseDocument(arabicBody);

        AssertLanguage(spanishFile, "es", "ltr");
        AssertLanguage(arabicFile, "ar", "rtl");
        Assert.Multiple(() =>
        {
            Assert.That(spanishFile.QuerySelector("h1")?.TextContent, Does.Match("^.+: una conversación en Remandzana$").And.Not.StartWith("Two strangers"));
            Assert.That(spanishFile.QuerySelector(".saved-note")?.TextContent, Does.StartWith("Guardado el ").And.Contain("Todas las horas están en UTC"));
            Assert.That(Lines(spanishFile), Does.Contain("Tú: <b>привет</b> & hola"));
            Assert.That(arabicFile.QuerySelector("h1")?.TextContent, Does.EndWith(": محادثة على Remandzana"));
            Assert.That(arabicFile.QuerySelector(".saved-note")?.TextContent, Does.StartWith("حُفظت في ").And.Contain("كل الأوقات بتوقيت UTC"));
            Assert.That(Lines(arabicFile), Does.Contain("غريب: <b>привет</b> & hola"));
            Assert.That(arabicBody, Does.Contain("&lt;b&gt;привет&lt;/b&gt; &amp; hola"), "hostile text in Cyrillic is encoded, its letters are not");
            Assert.That(arabicBody, Does.Not.Contain("<b>привет"));
        });
    }

    [Test]
    public async Task TheReportAnswerIsInGerman()
    {
        await using var app = new RemandzanaApp();
        await using var reporter = await app.OpenChat("/two?lang=de");
        await using var stranger = await app.OpenChat("/two?lang=de", System.Net.IPAddress.Parse("127.0.0.2"));
        await stranger.WaitForLine("Du chattest jetzt");
        await reporter.WaitForLine("Du chattest jetzt");

        Assert.That(reporter.Form.QuerySelector("form.report button")?.TextContent.Trim(), Is.EqualTo("Melden"));
        var answer = await reporter.Report();

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reporter.LastAnswer.QuerySelector(".reported")?.TextContent, Is.EqualTo("Danke, der Betreiber sieht es sich an."));
        await reporter.WaitForLine("Danke, der Betreiber sieht es sich an. Beginne ein neues Gespräch über die Leiste oben.");
    }

    [Test]
    public async Task ARussianChatPageCarriesItsTextAsUtf8AndStillEncodesHostileCyrillic()
    {
        await using var app = new RemandzanaApp();
        await using var ivan = await app.OpenChat("/two?lang=ru");
        await using var olga = await app.OpenChat("/two?lang=ru");
        await ivan.WaitForLine("Теперь вы общаетесь");
        await olga.Send("<script>алерт('взлом')</script> \"кавычки\" & амперсанд");
        await ivan.WaitForLine("взлом");

        Assert.Multiple(() =>
        {
            Assert.That(ivan.Source, Does.Contain("Теперь вы общаетесь"), "the page's own words as characters");
            Assert.That(ivan.Source, Does.Not.Match("&#x0*4[0-9A-Fa-f]{2};"), "no Cyrillic character references");
            Assert.That(ivan.Source, Does.Contain("&lt;script&gt;алерт(&#x27;взлом&#x27;)&lt;/script&gt; &quot;кавычки&quot; &amp; амперсанд"));
            Assert.That(ivan.Source, Does.Not.Contain("<script>алерт"));
        });
    }

    private static IEnumerable<string> Lines(IDocument file) =>
        file.QuerySelectorAll(".lines .line").Select(line => string.Concat(line.ChildNodes.Where(node => node is not IElement { LocalName: "time" }).Select(node => node.TextContent)).Trim());
}
