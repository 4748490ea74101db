using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Browser;

/// <summary>The captcha in a browser without scripts: the picture shows, a wrong answer is told, a right one opens the chat.</summary>
[Category("Browser")]
public sealed class CaptchaInChromium
{
    private RemandzanaApp _app = null!;
    private Chromium _chromium = null!;

    [OneTimeSetUp]
    public async Task StartAppAndBrowser()
    {
        _chromium = await Chromium.Launch();
        _app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Captcha:Mode"] = "Always" });
    }

    [OneTimeTearDown]
    public async Task StopAppAndBrowser()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [TestCase(1280, 800, TestName = "AWrongAnswerIsToldAndTheHeardDigitsOpenTheChat(desktop 1280×800)")]
    [TestCase(390, 844, TestName = "AWrongAnswerIsToldAndTheHeardDigitsOpenTheChat(phone 390×844)")]
    public async Task AWrongAnswerIsToldAndTheHeardDigitsOpenTheChat(int width, int height)
    {
        var page = await _chromium.NewTab(_app.BaseAddress, (width, height));
        await page.GotoAsync("/two");

        var picture = page.Locator("form.captcha-form img");
        await picture.WaitForAsync();
        // Reading a property of what the browser decoded, not running the page's script (it has none).
        Assert.That(await picture.EvaluateAsync<int>("image => image.naturalWidth"), Is.GreaterThan(0), "the picture loaded");
        Assert.That(await picture.EvaluateAsync<int>("image => image.naturalHeight"), Is.GreaterThan(0));
        await page.Screenshot($"challenge-{width}x{height}");

        await page.Locator("#code").FillAsync("WRONG9");
        await page.Locator("form.captcha-form button[type=submit]").ClickAsync();
        await page.Locator(".captcha .error").WaitForAsync();
        Assert.That(await page.Locator(".captcha .error").TextContentAsync(), Does.StartWith("That was not right."));
        await page.Screenshot($"wrong-{width}x{height}");

        var challenge = await page.Locator("input[name=challenge]").GetAttributeAsync("value");
        await page.Locator("#code").FillAsync(Captchas.DigitsInTheRecording(_app.Services, challenge!));
        await page.Locator("form.captcha-form button[type=submit]").ClickAsync();
        await page.WaitForLine(Notices.LookingForStranger);

        var pass = Captchas.PassIn(page.Url);
        Assert.That(pass, Is.Not.Null);
        var newConversation = await page.Locator("nav a.start-over").GetAttributeAsync("href");
        Assert.That(Captchas.PassIn(newConversation!), Is.EqualTo(pass), "\"New conversation\" carries the pass");
        await page.Screenshot($"chat-{width}x{height}");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task TheChallengeInArabicReadsRightToLeftHasNoViolationsAndItsDigitsInArabicScriptOpenTheChat()
    {
        var page = await _chromium.NewTab(_app.BaseAddress, (390, 844));
        await page.GotoAsync("/two?lang=ar");
        Assert.That(await page.Locator("html").GetAttributeAsync("dir"), Is.EqualTo("rtl"));
        Assert.That(await page.Locator("h1").TextContentAsync(), Is.EqualTo("لحظة: هل أنت إنسان؟"));
        await page.Screenshot("challenge-ar-390x844");

        var challenge = await page.Locator("input[name=challenge]").GetAttributeAsync("value");
        var digits = Captchas.DigitsInTheRecording(_app.Services, challenge!);
        await page.Locator("#code").FillAsync(string.Concat(digits.Select(digit => (char)('٠' + (digit - '0')))));
        await page.Locator("form.captcha-form button[type=submit]").ClickAsync();
        await page.WaitForLine("جارٍ البحث عن غريب");
        await page.Screenshot("chat-ar-390x844");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task TheChallengeHasNoViolationsInAnyLanguage()
    {
        var audit = await _chromium.NewAuditTab(_app.BaseAddress);
        foreach (var language in Remandzana.Web.Localisation.SiteLanguage.All)
        {
            await audit.GotoAsync($"/two?lang={language.Code}");
            await audit.AssertNoViolations($"the challenge in {language.NativeName}");
        }

        await audit.Context.CloseAsync();
    }

    /// <summary>
    /// The person clicks the page's own player (no script anywhere): the browser fetches the WAV
    /// through the site's Content-Security-Policy, decodes it, and the digits heard open the chat.
    /// </summary>
    [Test]
    public async Task TheRecordingPlaysInThePagesOwnPlayerWithoutScriptAndItsDigitsOpenTheChat()
    {
        var page = await _chromium.NewTab(_app.BaseAddress);
        await page.GotoAsync("/two?lang=de");
        var player = page.Locator("form.captcha-form audio[controls]");
        var box = (await player.BoundingBoxAsync())!;

        var response = await page.RunAndWaitForResponseAsync(
            () => player.ClickAsync(new LocatorClickOptions { Position = new Position { X = 20, Y = box.Height / 2 } }),
            response => response.Url.EndsWith(".wav", StringComparison.Ordinal));

        Assert.That(response.Status, Is.AnyOf(200, 206));
        Assert.That(response.Headers["content-type"], Is.EqualTo("audio/wav"));
        // Reading what the browser decoded (as the picture test reads naturalWidth), not running page script.
        var decoded = await player.EvaluateAsync<double[]>("audio => new Promise(done => { const read = () => done([audio.readyState, audio.duration, audio.error ? audio.error.code : 0]); audio.readyState >= 1 ? read() : audio.addEventListener('loadedmetadata', read); })");
        Assert.That(decoded[2], Is.Zero, "no media error");
        Assert.That(decoded[0], Is.GreaterThanOrEqualTo(1), "HAVE_METADATA or better: a playable WAV");
        Assert.That(decoded[1], Is.InRange(6 * 0.4, 20), "a duration of seconds, as the WAV says");
        await page.Screenshot("challenge-recording-de");

        var challenge = await page.Locator("input[name=challenge]").GetAttributeAsync("value");
        await page.Locator("#code").FillAsync(Captchas.DigitsInTheRecording(_app.Services, challenge!));
        await page.Locator("form.captcha-form button[type=submit]").ClickAsync();
        await page.WaitForLine("Suche eine fremde Person");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task TheCodeInThePictureAlsoOpensTheChat()
    {
        var page = await _chromium.NewTab(_app.BaseAddress);
        await page.GotoAsync("/global");
        var challenge = await page.Locator("input[name=challenge]").GetAttributeAsync("value");
        var code = _app.Services.GetRequiredService<Remandzana.Web.Captcha.Challenges>().Open(challenge)!.Code;

        await page.Locator("#code").FillAsync(code.ToLowerInvariant());
        await page.Locator("form.captcha-form button[type=submit]").ClickAsync();

        await page.WaitForLine("Welcome");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task WhenThePassRunsOutNewConversationMeetsAChallengeAgain()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Captcha:Mode"] = "Always", ["Remandzana:Captcha:PassMinutes"] = "30" }, clock);
        var page = await _chromium.NewTab(app.BaseAddress);
        await page.GotoAsync("/two");
        var challenge = await page.Locator("input[name=challenge]").GetAttributeAsync("value");
        await page.Locator("#code").FillAsync(Captchas.AnswerTo(app.Services, challenge!));
        await page.Locator("form.captcha-form button[type=submit]").ClickAsync();
        await page.WaitForLine(Notices.LookingForStranger);

        clock.Advance(TimeSpan.FromMinutes(31));
        await page.Locator("nav a.start-over").ClickAsync();

        await page.Locator("form.captcha-form img").WaitForAsync();
        Assert.That(Captchas.PassIn(page.Url), Is.Not.Null, "the link still carried the old pass");
        Assert.That(await page.Locator("nav a.start-over").CountAsync(), Is.Zero, "a challenge, not a chat");
        await page.Screenshot("expired-pass");
        await page.Context.CloseAsync();
    }
}
