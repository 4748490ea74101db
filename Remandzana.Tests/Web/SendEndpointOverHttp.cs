using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Remandzana.Tests.Support;
using Remandzana.Web.Hosting;

namespace Remandzana.Tests.Web;

/// <summary>
/// POST /send is answered outside MVC: the same documents byte for byte as the Razor form it
/// replaced (the expected texts below were written by that form), the same headers, the carried
/// parameters and the person's language.
/// </summary>
[Category("Web")]
public sealed partial class SendEndpointOverHttp : SharedAppFixture
{
    private const string Query = "?lang=de&interests=cats";

    /// <summary>Markup, an ampersand, both quotes, an emoji (outside the basic plane) and Cyrillic, as typed.</summary>
    private const string Hostile = "<b>&\"'hi \U0001F600 привет";

    private static readonly HtmlParser Parser = new();

    public SendEndpointOverHttp()
        : base(new Dictionary<string, string?> { ["Remandzana:Transcripts:Enabled"] = "true" })
    {
    }

    [Test]
    public async Task AMessageKeptWhileWaitingIsTheRazorFormsDocumentByteForByte()
    {
        using var http = App.NewClient();
        await using var alone = new ChatClient(http);
        await alone.Open($"/two{Query}");

        using var answer = await Post(http, Query, alone.Token!, Hostile);

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Normalised(await answer.Content.ReadAsStringAsync()), Is.EqualTo(KeptWhileWaiting));
    }

    [Test]
    public async Task AForgedTokensAnswerIsTheRazorFormsDocumentByteForByte()
    {
        using var http = App.NewClient();

        using var answer = await Post(http, "?lang=de", "AAAA", "<script>x");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(Normalised(await answer.Content.ReadAsStringAsync()), Is.EqualTo(Forbidden));
    }

    [Test]
    public async Task AnAskersQuestionAnswerIsTheRazorFormsDocumentByteForByte()
    {
        using var http = App.NewClient();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");
        await using var asker = new ChatClient(http);
        await asker.Open("/question/ask");

        using var answer = await Post(http, "?lang=ar", asker.Token!, "why <not>?");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Normalised(await answer.Content.ReadAsStringAsync()), Is.EqualTo(WatchingInArabic));
    }

    [TestCase("token={token}&message=hello", HttpStatusCode.OK)]
    [TestCase("token={token}", HttpStatusCode.BadRequest)]
    [TestCase("token=forged&message=hello", HttpStatusCode.Forbidden)]
    public async Task EveryAnswerCarriesTheSecurityHeadersAndIsNeverCached(string body, HttpStatusCode status)
    {
        using var http = App.NewClient();
        await using var person = new ChatClient(http);
        await person.Open("/two");

        using var answer = await http.PostAsync("/send", new StringContent(body.Replace("{token}", person.Token, StringComparison.Ordinal), Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.That(answer.StatusCode, Is.EqualTo(status));
        Assert.That(answer.Headers.GetValues("Content-Security-Policy"), Is.EqualTo(new[] { SecurityHeaders.ContentSecurityPolicy }));
        Assert.That(answer.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(answer.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
        Assert.That(answer.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(answer.Headers.Contains("Server"), Is.False);
        Assert.That(answer.Headers.Contains("Set-Cookie"), Is.False, "the send form sets no cookie");
        Assert.That(answer.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/html; charset=utf-8"));
        Assert.That(answer.Content.Headers.ContentLength, Is.EqualTo((await answer.Content.ReadAsByteArrayAsync()).Length));
    }

    [Test]
    public async Task TheNextFormAfterARelayedMessageCarriesTheParametersAndSpeaksTheLanguage()
    {
        var (alice, bob) = await App.OpenPair("/two?lang=fr&interests=chess,go", found: "Vous discutez maintenant");
        await using var _ = alice;
        await using var __ = bob;

        var answer = await alice.Send("salut 1");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await bob.WaitForLine("salut 1");
        var form = alice.Form;
        Assert.That(form.DocumentElement.GetAttribute("lang"), Is.EqualTo("fr"));
        Assert.That(form.QuerySelector("form.compose")?.GetAttribute("action"), Is.EqualTo("/send?lang=fr&interests=chess%2Cgo#message"));
        Assert.That(form.QuerySelector("form.report")?.GetAttribute("action"), Is.EqualTo("/report?lang=fr&interests=chess%2Cgo"));
        Assert.That(form.QuerySelector("button.save")?.GetAttribute("formaction"), Is.EqualTo("/transcript?lang=fr&interests=chess%2Cgo"));
        Assert.That(form.QuerySelector("input[name=message]")?.GetAttribute("value"), Is.Empty, "the sent text is not kept");
        Assert.That(form.QuerySelector("form.compose button[type=submit]")?.TextContent, Is.EqualTo("Envoyer"));
        Assert.That(form.QuerySelector(".error"), Is.Null);
        Assert.That((await alice.Send("salut 2")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "its token works");
        await bob.WaitForLine("salut 2");
    }

    [Test]
    public async Task GetIsNotAllowedOnTheSendPath()
    {
        using var http = App.NewClient();

        using var answer = await http.GetAsync("/send");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    private static Task<HttpResponseMessage> Post(HttpClient http, string query, string token, string message) =>
        http.PostAsync($"/send{query}", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["message"] = message }));

    /// <summary>The token and the stylesheet's content hash differ from run to run; everything else is compared as written.</summary>
    private static string Normalised(string html) => Version().Replace(TokenValue().Replace(html, "value=\"TOKEN\""), "?v=VERSION");

    [GeneratedRegex("value=\"[A-Za-z0-9_-]{40,}\"")]
    private static partial Regex TokenValue();

    [GeneratedRegex(@"\?v=[A-Za-z0-9_-]+")]
    private static partial Regex Version();

    // Each document ends with a line break after </html>, which a raw literal's closing line drops.
    private const string KeptWhileWaiting = """
<!DOCTYPE html>
<html lang="de" dir="ltr">
<head>
<meta charset="utf-8">
<title>Eine Nachricht senden</title>
<link rel="stylesheet" href="/css/site.css?v=VERSION">
</head>
<body class="send-form">
<main aria-label="Eine Nachricht senden">
<h1 class="visually-hidden">Eine Nachricht senden</h1>
<form method="post" action="/send?lang=de&amp;interests=cats#message" class="compose">
<input type="hidden" name="token" value="TOKEN">
<label class="visually-hidden" for="message">Schreib eine Nachricht</label>
<input type="text" id="message" name="message" value="&lt;b&gt;&amp;&quot;&#x27;hi &#x1F600; привет" placeholder="Schreib eine Nachricht" autocomplete="off" autofocus>
<button type="submit">Senden</button>
<button type="submit" class="save" formaction="/transcript?lang=de&amp;interests=cats"><span class="wide">Gespräch speichern</span><span class="narrow" aria-hidden="true">Speichern</span></button>
<details class="more">
<summary>Mehr</summary>
<div class="menu">
<button type="submit" class="save" formaction="/transcript?lang=de&amp;interests=cats"><span class="wide">Gespräch speichern</span><span class="narrow" aria-hidden="true">Speichern</span></button>
<button type="submit" form="report" class="report" title="Dieses Gespräch beenden und seine letzten Zeilen an den Betreiber senden">Melden</button>
</div>
</details>
</form>
<form method="post" action="/report?lang=de&amp;interests=cats" class="report" id="report">
<input type="hidden" name="token" value="TOKEN">
<button type="submit" title="Dieses Gespräch beenden und seine letzten Zeilen an den Betreiber senden">Melden</button>
</form>
</main>
</body>
</html>
""" + "\n";

    private const string Forbidden = """
<!DOCTYPE html>
<html lang="de" dir="ltr">
<head>
<meta charset="utf-8">
<title>Eine Nachricht senden</title>
<link rel="stylesheet" href="/css/site.css?v=VERSION">
</head>
<body class="send-form">
<main aria-label="Eine Nachricht senden">
<h1 class="visually-hidden">Eine Nachricht senden</h1>
<div class="compose">
<label class="visually-hidden" for="message">Der Chat ist beendet.</label>
<input type="text" id="message" name="message" value="&lt;script&gt;x" placeholder="Der Chat ist beendet." aria-describedby="form-error" disabled>
<button type="button" disabled>Beendet</button>
</div>
<p class="error" id="form-error" role="alert">Dieses Formular ist ungültig oder abgelaufen; deine Nachricht wurde nicht gesendet. Beginne ein neues Gespräch.</p>
</main>
</body>
</html>
""" + "\n";

    private const string WatchingInArabic = """
<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>أرسل رسالة</title>
<link rel="stylesheet" href="/css/site.css?v=VERSION">
</head>
<body class="send-form">
<main aria-label="أرسل رسالة">
<h1 class="visually-hidden">أرسل رسالة</h1>
<div class="compose">
<label class="visually-hidden" for="message">لقد طرحت السؤال: شاهد النقاش</label>
<input type="text" id="message" name="message" value="" placeholder="لقد طرحت السؤال: شاهد النقاش" disabled>
<button type="button" disabled>تشاهد</button>
<form method="post" action="/transcript?lang=ar" class="save-form">
<input type="hidden" name="token" value="TOKEN">
<input type="hidden" name="message" value="">
<button type="submit" class="save"><span class="wide">حفظ المحادثة</span><span class="narrow" aria-hidden="true">حفظ</span></button>
</form>
</div>
</main>
</body>
</html>
""" + "\n";
}
