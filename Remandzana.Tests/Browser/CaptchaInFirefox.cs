using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;
using Remandzana.Web.Captcha;
using Remandzana.Web.Grains;

namespace Remandzana.Tests.Browser;

/// <summary>The captcha in Firefox ESR without scripts: what the page makes the browser fetch is there and valid, and the typed code opens the chat.</summary>
[Category("Browser")]
public sealed class CaptchaInFirefox() : SharedAppFixture(new Dictionary<string, string?> { ["Remandzana:Captcha:Mode"] = "Always" })
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Test]
    public async Task ThePictureArrivesAsAPngAndTheTypedCodeOpensTheChat()
    {
        var firefox = await Firefox.Shared();
        await using var page = await firefox.Open(App.BaseAddress, "/two");
        var challengePage = await page.WaitFor(document => Captchas.Read(document) is not null, "the challenge form");

        await AssertFetched(page, challengePage, "form.captcha-form img", "image/png", PngSignature);
        // What Firefox made of the bytes, read from the element (the page runs no script).
        Assert.That((await page.Property("form.captcha-form img", "naturalWidth")).GetInt32(), Is.GreaterThan(0), "Firefox decoded the picture");
        await page.Screenshot("challenge");

        var challenge = Captchas.Read(challengePage)!.Challenge;
        var code = App.Services.GetRequiredService<Challenges>().Open(challenge)!.Code;
        await page.Click("#code");
        await page.Type(code);
        await page.PressEnter();

        await page.WaitForLine(Notices.LookingForStranger);
        Assert.That(Captchas.PassIn((await page.Url()).ToString()), Is.Not.Null, "the chat's address carries the pass");
        await page.Screenshot("chat");
    }

    [Test]
    public async Task ThePlayButtonFetchesAPlayableRecordingAndItsDigitsOpenTheChat()
    {
        var firefox = await Firefox.Shared();
        await using var page = await firefox.Open(App.BaseAddress, "/two");
        var challengePage = await page.WaitFor(document => Captchas.Read(document) is not null, "the challenge form");
        Assert.That(page.Responses.Any(response => response.Url.AbsolutePath.EndsWith(".wav", StringComparison.Ordinal)), Is.False, "preload=none: nothing is fetched before the person asks");

        // Where a person clicks: the player's play button, at its left end.
        await page.ClickAt("form.captcha-form audio", fromLeft: 12);
        var sound = await AssertFetched(page, challengePage, "form.captcha-form audio", "audio/wav", "RIFF"u8.ToArray());
        Assert.That(sound.Body![8..12], Is.EqualTo("WAVE"u8.ToArray()), "a WAVE file");
        await page.WaitUntil(async () => (await page.Property("form.captcha-form audio", "readyState")).GetInt32() >= 1, "the recording's metadata");
        Assert.That((await page.Property("form.captcha-form audio", "duration")).GetDouble(), Is.InRange(3.0, 30.0), "Firefox read a recording of a few seconds");
        await page.Screenshot("audio-challenge");

        var digits = Captchas.DigitsInTheRecording(App.Services, Captchas.Read(challengePage)!.Challenge);
        await page.Click("#code");
        await page.Type(digits);
        await page.PressEnter();

        await page.WaitForLine(Notices.LookingForStranger);
        Assert.That(Captchas.PassIn((await page.Url()).ToString()), Is.Not.Null, "the chat's address carries the pass");
    }

    /// <summary>
    /// The resource of the element <paramref name="selector"/> (its src), as Firefox fetched it for
    /// the page: answered with <paramref name="contentType"/>, and its bytes begin as that format's
    /// do. Seen in Firefox ESR 153 with scripts off: an &lt;audio controls&gt; with preload="metadata"
    /// (or no preload) is fetched at once, in one request for "Range: bytes=0-" (a 10 s WAV arrived
    /// whole; a server that serves ranges answers 206), and then reports readyState 4 and its
    /// duration; with preload="none" nothing is fetched until play is pressed.
    /// </summary>
    private static async Task<FetchedResponse> AssertFetched(FirefoxTab page, IDocument document, string selector, string contentType, byte[] signature)
    {
        var source = document.QuerySelector(selector)?.GetAttribute("src") ?? throw new AssertionException($"The page has no {selector} with a src.");
        var response = await page.WaitForResponse(source);
        Assert.That(response.Status, Is.AnyOf(200, 206), $"{selector}: {response}");
        Assert.That(response.ContentType, Does.StartWith(contentType), $"{selector}: {response}");
        Assert.That(response.Headers.GetValueOrDefault("X-Content-Type-Options"), Is.EqualTo("nosniff"), $"{selector}: the browser takes the type as sent");
        Assert.That(response.Body, Is.Not.Null, $"{selector}: Firefox kept the body");
        Assert.That(response.Body!.Take(signature.Length), Is.EqualTo(signature), $"{selector}: the bytes are a {contentType}");
        return response;
    }
}
