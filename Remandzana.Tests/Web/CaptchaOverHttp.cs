using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NAudio.Wave;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;
using Remandzana.Web.Captcha;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;
using SkiaSharp;

namespace Remandzana.Tests.Web;

/// <summary>With the captcha on, a chat page opens only for a pass that a solved challenge gave.</summary>
[Category("Web")]
public sealed class CaptchaOverHttp
{
    private static readonly HtmlParser Parser = new();

    private static Dictionary<string, string?> Always(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Remandzana:Captcha:Mode"] = "Always" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Test]
    public async Task AChatPageWithoutAPassShowsAChallengeWithAPictureAndARecordingAndJoinsNobody()
    {
        await using var app = new RemandzanaApp(Always());
        using var http = app.NewClient();

        using var answer = await http.GetAsync("/question/discuss?interests=cats");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.Headers.CacheControl?.NoStore, Is.True);
        var page = Parser.ParseDocument(await answer.Content.ReadAsStringAsync());
        var form = Captchas.Read(page);
        Assert.That(form, Is.Not.Null, "a challenge instead of the chat");
        var challenge = app.Services.GetRequiredService<Challenges>().Open(form!.Challenge)!;
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("One moment: are you a person?"));
            Assert.That(form.Then, Is.EqualTo("/question/discuss?interests=cats"), "the form keeps where the person was going");
            Assert.That(page.QuerySelectorAll("form.captcha-form input:not([type=hidden])").Select(field => field.GetAttribute("name")), Is.EqualTo(new[] { "code" }), "one answer field");
            Assert.That(page.QuerySelector("label[for=code]")?.TextContent, Is.EqualTo("The characters in the picture, or the digits you heard"));
            Assert.That(page.QuerySelector("img")?.GetAttribute("alt"), Does.Contain("If you cannot see it, play the recording below instead."));
            Assert.That(page.QuerySelector("audio[controls]")?.GetAttribute("aria-labelledby"), Is.EqualTo("recording-label"), "the page's own player, named");
            Assert.That(page.QuerySelector("#recording-label")?.TextContent, Does.StartWith("Recording: 6 digits"));
            Assert.That(page.QuerySelectorAll("script"), Is.Empty);
            Assert.That(page.Source.Text, Does.Not.Contain(challenge.Code), "the picture's code is nowhere in the markup");
            Assert.That(page.Source.Text, Does.Not.Contain(challenge.SpokenCode), "nor the recording's digits");
            Assert.That(page.Source.Text, Does.Not.Contain(" plus "), "no printed question");
        });
        Assert.That(app.Services.GetRequiredService<LocalSessions>().Count, Is.Zero, "nobody joined");

        using var picture = await http.GetAsync(form.Picture);
        Assert.That(picture.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(picture.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        Assert.That(picture.Headers.CacheControl?.NoStore, Is.True);
        using var bitmap = SKBitmap.Decode(await picture.Content.ReadAsByteArrayAsync());
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((CaptchaPicture.Width, CaptchaPicture.Height)));
    }

    [Test]
    public async Task TheRecordingIsAPlainPcmWavOfItsOwnDigitsNeitherStoredNorNamed()
    {
        await using var app = new RemandzanaApp(Always(("Remandzana:Captcha:AudioDigits", "8")));
        using var http = app.NewClient();
        var page = Parser.ParseDocument(await http.GetStringAsync("/two"));
        var form = Captchas.Read(page)!;

        using var recording = await http.GetAsync(form.Recording);

        Assert.That(recording.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(form.Recording, Does.Match("^/captcha/[^/?]+\\.wav$"));
        Assert.That(recording.Content.Headers.ContentType?.MediaType, Is.EqualTo("audio/wav"));
        Assert.That(recording.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(recording.Content.Headers.ContentDisposition, Is.Null, "no file name");
        var bytes = await recording.Content.ReadAsByteArrayAsync();
        Assert.That(Chunks(bytes), Is.EqualTo(new[] { "fmt ", "data" }), "nothing but the format and the samples: no tags, no cues");
        using var wav = new WaveFileReader(new MemoryStream(bytes));
        Assert.Multiple(() =>
        {
            Assert.That(wav.WaveFormat.Encoding, Is.EqualTo(WaveFormatEncoding.Pcm));
            Assert.That((wav.WaveFormat.SampleRate, wav.WaveFormat.Channels, wav.WaveFormat.BitsPerSample), Is.EqualTo((16_000, 1, 16)));
            Assert.That(wav.TotalTime, Is.InRange(TimeSpan.FromSeconds(8 * 0.4), TimeSpan.FromSeconds(20)), "eight digits, with pauses, in a sane time");
            Assert.That(page.QuerySelector("#recording-label")?.TextContent, Does.StartWith("Recording: 8 digits"));
        });
    }

    [Test]
    public async Task ThePictureAndTheRecordingOfOneChallengeAreTheSameBytesWhenFetchedAgain()
    {
        await using var app = new RemandzanaApp(Always());
        using var http = app.NewClient();
        var form = Captchas.Read(Parser.ParseDocument(await http.GetStringAsync("/two")))!;
        var other = Captchas.Read(Parser.ParseDocument(await http.GetStringAsync("/two")))!;

        var pictures = new[] { await http.GetByteArrayAsync(form.Picture), await http.GetByteArrayAsync(form.Picture) };
        var recordings = new[] { await http.GetByteArrayAsync(form.Recording), await http.GetByteArrayAsync(form.Recording) };
        using var range = new HttpRequestMessage(HttpMethod.Get, form.Recording) { Headers = { Range = new System.Net.Http.Headers.RangeHeaderValue(1000, 1999) } };
        using var part = await http.SendAsync(range);

        Assert.That(pictures[1], Is.EqualTo(pictures[0]), "averaging many fetches of one picture removes no noise");
        Assert.That(recordings[1], Is.EqualTo(recordings[0]), "nor of one recording");
        Assert.That(part.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent), "media players may ask for a part");
        Assert.That(await part.Content.ReadAsByteArrayAsync(), Is.EqualTo(recordings[0][1000..2000]), "and get the same bytes");
        Assert.That(await http.GetByteArrayAsync(other.Recording), Is.Not.EqualTo(recordings[0]), "another challenge sounds otherwise");

        // The same bytes come from the sealed seed, not from the cache: drawn and mixed afresh, they are what was served.
        var challenge = app.Services.GetRequiredService<Challenges>().Open(form.Challenge)!;
        Assert.That(app.Services.GetRequiredService<CaptchaPicture>().Draw(challenge.Code, challenge.Seed), Is.EqualTo(pictures[0]));
        Assert.That(app.Services.GetRequiredService<CaptchaRecording>().Speak(challenge.SpokenCode, challenge.Language, ~challenge.Seed), Is.EqualTo(recordings[0]));
        var media = app.Services.GetRequiredService<ChallengeMedia>();
        var kept = media.Recording(challenge);
        Assert.That(media.Recording(challenge), Is.SameAs(kept), "a media player's range requests cost one mixing");
    }

    [Test]
    public void TheRecordingsLengthIsTheSameWhicheverDigitsItSays()
    {
        var recording = new CaptchaRecording();
        foreach (var language in new[] { "en", "ar", "zh-Hans" })
        {
            for (var seed = 1; seed <= 5; seed++)
            {
                var lengths = new[] { "000000", "777777", "123456", "999111" }.Select(digits => recording.Speak(digits, language, seed).Length).Distinct();
                Assert.That(lengths, Has.Exactly(1).Items, $"{language}, seed {seed}: Content-Length and duration say nothing of the digits");
            }
        }
    }

    [Test]
    public void EveryLanguageHasItsOwnVoiceAndAnyOtherIsSpokenInEnglish()
    {
        var recording = new CaptchaRecording();

        Assert.That(recording.Languages, Is.EquivalentTo(Remandzana.Web.Localisation.SiteLanguage.All.Select(language => language.Culture)));
        Assert.That(recording.Speak("123456", "xx", 3), Is.EqualTo(recording.Speak("123456", "en", 3)));
        Assert.That(recording.Speak("123456", "de", 3), Is.Not.EqualTo(recording.Speak("123456", "en", 3)));
    }

    [Test]
    public async Task AScriptThatReadsEverythingTheChallengeGivesFindsNoAnswerInIt()
    {
        await using var app = new RemandzanaApp(Always());
        using var http = app.NewClient();
        var challenges = app.Services.GetRequiredService<Challenges>();
        for (var round = 0; round < 3; round++)
        {
            // Everything the server says about one challenge: the page's text, every attribute, the
            // headers of the page and of its media, their addresses, and the recording's chunk names.
            using var answer = await http.GetAsync("/two?lang=" + new[] { "en", "es", "zh" }[round]);
            var source = await answer.Content.ReadAsStringAsync();
            var page = Parser.ParseDocument(source);
            var form = Captchas.Read(page)!;
            using var picture = await http.GetAsync(form.Picture);
            using var recording = await http.GetAsync(form.Recording);
            var said = new List<string> { source, page.Body!.TextContent, form.Picture, form.Recording, Uri.UnescapeDataString(form.Recording) };
            said.AddRange(page.All.SelectMany(element => element.Attributes.Select(attribute => attribute.Value)));
            said.AddRange(new[] { answer, picture, recording }.SelectMany(response => response.Headers.Concat(response.Content.Headers)).SelectMany(header => header.Value.Prepend(header.Key)));
            said.AddRange(Chunks(await recording.Content.ReadAsByteArrayAsync()));

            var guesses = Guesses(said).ToList();
            var challenge = challenges.Open(form.Challenge)!;

            Assert.That(guesses, Has.Count.GreaterThan(100), "the script found plenty to try");
            Assert.That(guesses.Where(challenge.IsSolvedBy), Is.Empty, "no digit run, word or piece of any of it is either code");
            using var tried = await Captchas.Answer(http, form, code: guesses.FirstOrDefault(guess => guess.Length is >= 6 and <= 8 && guess.All(char.IsDigit)) ?? "000000");
            Assert.That(tried.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "its best guess gets no pass");
            Assert.That(tried.Headers.Location, Is.Null);
        }
    }

    [Test]
    public async Task AWrongAnswerNeverSaysWhichCodeItMissed()
    {
        await using var app = new RemandzanaApp(Always());
        using var http = app.NewClient();
        var errors = new List<(HttpStatusCode, string?)>();
        foreach (var wrong in new Func<string, string, string>[]
        {
            (code, digits) => code[..^1] + (code[^1] == 'A' ? "C" : "A"),
            (code, digits) => digits[..^1] + (digits[^1] == '0' ? "1" : "0"),
            (code, digits) => "",
            (code, digits) => code + digits,
        })
        {
            var form = Captchas.Read(Parser.ParseDocument(await http.GetStringAsync("/two")))!;
            using var answer = await Captchas.Answer(http, form, code: wrong(Captchas.CodeInThePicture(app.Services, form.Challenge), Captchas.DigitsInTheRecording(app.Services, form.Challenge)));
            errors.Add((answer.StatusCode, Captchas.Read(Parser.ParseDocument(await answer.Content.ReadAsStringAsync()))?.Error));
        }

        Assert.That(errors.Distinct(), Is.EqualTo(new[] { (HttpStatusCode.BadRequest, (string?)"That was not right. Here is a new challenge: type the characters in the new picture, or the digits its recording says.") }));
    }

    [Test]
    public async Task TheRecordingOfAnUnknownOrForgedChallengeIsNotFound()
    {
        await using var app = new RemandzanaApp(Always());
        using var http = app.NewClient();
        var form = Captchas.Read(Parser.ParseDocument(await http.GetStringAsync("/two")))!;
        var id = form.Recording["/captcha/".Length..^".wav".Length];

        foreach (var path in new[] { "/captcha/forged.wav", $"/captcha/{id[..^2]}{(id[^2] == 'A' ? 'B' : 'A')}{id[^1]}.wav", $"/captcha/{id[..^1]}.wav" })
        {
            using var answer = await http.GetAsync(path);
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
        }
    }

    /// <summary>What a script would try: every word and digit run, and every piece of six to eight characters of them.</summary>
    private static IEnumerable<string> Guesses(IEnumerable<string> said) =>
        said.SelectMany(text => Regex.Split(text, @"[^\p{L}\p{Nd}]+").Concat(Regex.Matches(text, @"\p{Nd}+").Select(match => match.Value)))
            .Where(token => token.Length > 0)
            .SelectMany(token => Enumerable.Range(6, 3).SelectMany(length => Enumerable.Range(0, Math.Max(0, token.Length - length + 1)).Select(start => token.Substring(start, length))).Prepend(token))
            .Distinct();

    /// <summary>The ids of a RIFF file's chunks, in order.</summary>
    private static List<string> Chunks(byte[] riff)
    {
        var ids = new List<string>();
        for (var at = 12; at + 8 <= riff.Length; at += 8 + BitConverter.ToInt32(riff, at + 4) + (BitConverter.ToInt32(riff, at + 4) & 1))
        {
            ids.Add(System.Text.Encoding.ASCII.GetString(riff, at, 4));
        }

        return ids;
    }

    [Test]
    public async Task APictureOfAnUnknownChallengeIsNotFound()
    {
        await using var app = new RemandzanaApp(Always());
        using var http = app.NewClient();

        using var answer = await http.GetAsync("/captcha/forged.png");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task AWrongAnswerShowsANewChallengeWithAClearMessageAndTheSameDestination()
    {
        await using var app = new RemandzanaApp(Always());
        using var http = app.NewClient();
        var first = Captchas.Read(Parser.ParseDocument(await http.GetStringAsync("/three")))!;

        using var answer = await Captchas.Answer(http, first, code: "WRONG1", answer: "1000");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var again = Captchas.Read(Parser.ParseDocument(await answer.Content.ReadAsStringAsync()));
        Assert.That(again, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(again!.Error, Does.StartWith("That was not right. Here is a new challenge"));
            Assert.That(again.Challenge, Is.Not.EqualTo(first.Challenge));
            Assert.That(again.Then, Is.EqualTo("/three"));
        });
    }

    [Test]
    public async Task TheRecordingsDigitsGiveAPassAndTheChatOpensWithThePassInEveryLinkAndForm()
    {
        await using var app = new RemandzanaApp(Always());
        using var http = app.NewClient();

        var chat = await Captchas.Solve(http, app.Services, "/two?interests=cats");

        Assert.That(chat, Does.StartWith("/two?interests=cats&pass="));
        var pass = Captchas.PassIn(chat)!;
        await using var you = new ChatClient(app.NewClient());
        await using var stranger = new ChatClient(app.NewClient());
        await you.Open(chat);
        await stranger.Open(await Captchas.Solve(http, app.Services, "/two?interests=cats"));
        await you.WaitForLine(Notices.FoundStranger);
        var links = you.Page.QuerySelectorAll("a[href^='/']").Select(link => link.GetAttribute("href")!).ToList();
        Assert.That(links, Is.Not.Empty);
        Assert.That(links.Select(Captchas.PassIn), Is.All.EqualTo(pass), "every link carries the pass (New conversation too)");
        Assert.That(Captchas.PassIn(you.Form.QuerySelector("form")!.GetAttribute("action")!), Is.EqualTo(pass), "the send form's action carries it");

        using var sent = await you.Send("hello with a pass");

        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await stranger.WaitForLine("Stranger: hello with a pass");
        Assert.That(Captchas.PassIn(you.Form.QuerySelector("form")!.GetAttribute("action")!), Is.EqualTo(pass), "the next form carries it too");
    }

    [Test]
    public async Task EveryRequestWithAValidPassHasItsIdInTheRequestItemsBeforeThePageIsWritten()
    {
        var seen = new ConcurrentQueue<string?>();
        await using var app = new RemandzanaApp(Always(), services: collection => collection.AddSingleton<IStartupFilter>(new ItemsProbe(seen)));
        using var http = app.NewClient();
        var chat = await Captchas.Solve(http, app.Services, "/global");

        await using var member = new ChatClient(app.NewClient());
        await member.Open(chat);

        var id = app.Services.GetRequiredService<Passes>().Read(Captchas.PassIn(chat));
        Assert.That(id, Is.Not.Null.And.Length.EqualTo(32));
        Assert.That(seen, Does.Contain(id));
    }

    [Test]
    public async Task AReplayedChallengeIsRefusedWithANewOne()
    {
        await using var app = new RemandzanaApp(Always());
        using var http = app.NewClient();
        var form = Captchas.Read(Parser.ParseDocument(await http.GetStringAsync("/two")))!;
        var right = Captchas.AnswerTo(app.Services, form.Challenge);
        using var first = await Captchas.Answer(http, form, answer: right);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));

        using var replay = await Captchas.Answer(http, form, answer: right);

        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(replay.Headers.Location, Is.Null, "no second pass");
        Assert.That(Captchas.Read(Parser.ParseDocument(await replay.Content.ReadAsStringAsync()))!.Error, Does.Contain("expired or was already answered"));
    }

    [Test]
    public async Task AWrongAnswerSpendsTheChallengeToo()
    {
        await using var app = new RemandzanaApp(Always());
        using var http = app.NewClient();
        var form = Captchas.Read(Parser.ParseDocument(await http.GetStringAsync("/two")))!;
        using var wrong = await Captchas.Answer(http, form, answer: "1000");

        using var right = await Captchas.Answer(http, form, answer: Captchas.AnswerTo(app.Services, form.Challenge));

        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "one answer per challenge: guessing again needs a new one");
    }

    [Test]
    public async Task AnExpiredPassMeetsAChallengeAgainAndIsCarriedNoMore()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RemandzanaApp(Always(("Remandzana:Captcha:PassMinutes", "30")), clock);
        using var http = app.NewClient();
        var chat = await Captchas.Solve(http, app.Services, "/two");
        await using (var tab = new ChatClient(app.NewClient()))
        {
            await tab.Open(chat);
        }

        clock.Advance(TimeSpan.FromMinutes(31));
        var page = Parser.ParseDocument(await http.GetStringAsync(chat));

        Assert.That(Captchas.Read(page), Is.Not.Null, "a challenge again");
        Assert.That(page.QuerySelectorAll("a[href^='/']").Select(link => link.GetAttribute("href")!), Has.None.Contains("pass="));
    }

    [TestCase("garbage")]
    [TestCase("")]
    [TestCase("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AForgedPassMeetsAChallengeNeverAnError(string forged)
    {
        await using var app = new RemandzanaApp(Always());
        using var http = app.NewClient();

        using var answer = await http.GetAsync($"/two?pass={Uri.EscapeDataString(forged)}");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Captchas.Read(Parser.ParseDocument(await answer.Content.ReadAsStringAsync())), Is.Not.Null);
    }

    [Test]
    public async Task ATamperedOrDoubledPassMeetsAChallenge()
    {
        await using var app = new RemandzanaApp(Always());
        using var http = app.NewClient();
        var pass = Captchas.PassIn(await Captchas.Solve(http, app.Services, "/two"))!;
        var tampered = pass[..^2] + (pass[^2] == 'A' ? "B" : "A") + pass[^1];

        foreach (var query in new[] { $"pass={tampered}", $"pass={pass}&pass={pass}", $"pass={pass.ToUpperInvariant()}" })
        {
            using var answer = await http.GetAsync($"/two?{query}");
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), query);
            Assert.That(Captchas.Read(Parser.ParseDocument(await answer.Content.ReadAsStringAsync())), Is.Not.Null, query);
        }

        Assert.That(app.Services.GetRequiredService<LocalSessions>().Count, Is.Zero);
    }

    [Test]
    public async Task APassIsGoodForItsNumberOfChatsThenAskedToSolveAnother()
    {
        await using var app = new RemandzanaApp(Always(("Remandzana:Captcha:PassChats", "2")));
        using var http = app.NewClient();
        var chat = await Captchas.Solve(http, app.Services, "/two");
        for (var i = 0; i < 2; i++)
        {
            await using var tab = new ChatClient(app.NewClient());
            await tab.Open(chat);
        }

        using var third = await http.GetAsync(chat);

        var form = Captchas.Read(Parser.ParseDocument(await third.Content.ReadAsStringAsync()));
        Assert.That(form?.Error, Does.Contain("opened all the 2 chats it was good for"));
        Assert.That(form!.Then, Is.EqualTo("/two"), "the spent pass is not kept in the destination");
    }

    [Test]
    public async Task APassHoldingTooManyChatPagesIsRefusedWith429UntilOneCloses()
    {
        await using var app = new RemandzanaApp(Always(("Remandzana:Captcha:StreamsPerPass", "2")));
        using var http = app.NewClient();
        var chat = await Captchas.Solve(http, app.Services, "/three");
        var first = new ChatClient(app.NewClient());
        await first.Open(chat);
        await using var second = new ChatClient(app.NewClient());
        await second.Open(chat);

        using var third = await http.GetAsync(chat, HttpCompletionOption.ResponseHeadersRead);

        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(Parser.ParseDocument(await third.Content.ReadAsStringAsync()).QuerySelector("p")?.TextContent, Does.StartWith("Your pass has too many chat pages open."));
        await first.DisposeAsync();
        await Eventually.That(() => app.Services.GetRequiredService<LocalSessions>().Count == 1, "the closed tab to leave");
        await using var again = new ChatClient(app.NewClient());
        await again.Open(chat);
        Assert.That(again.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "closing a tab frees its place");
    }

    [Test]
    public async Task APassOpeningTooManyChatsAMinuteIsRefusedWith429UntilTheMinutePasses()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RemandzanaApp(Always(("Remandzana:Captcha:NewStreamsPerPassPerMinute", "2")), clock);
        using var http = app.NewClient();
        var chat = await Captchas.Solve(http, app.Services, "/two");
        for (var i = 0; i < 2; i++)
        {
            await using var tab = new ChatClient(app.NewClient());
            await tab.Open(chat);
        }

        using var third = await http.GetAsync(chat, HttpCompletionOption.ResponseHeadersRead);
        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(Parser.ParseDocument(await third.Content.ReadAsStringAsync()).QuerySelector("h1")?.TextContent, Is.EqualTo("Too many new chats"));

        clock.Advance(TimeSpan.FromMinutes(1));
        await using var later = new ChatClient(app.NewClient());
        await later.Open(chat);
        Assert.That(later.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ASwarmOfTwoHundredBotsThatSolveNoChallengeGetsNoRoomWhileAPersonChats()
    {
        await using var app = new RemandzanaApp(Always());
        var paths = new[] { "/two", "/three", "/question/ask", "/question/discuss", "/global", "/any", "/question" };
        var swarm = Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            // Each bot its own client: it reads the challenge, guesses, and tries a forged pass.
            using var bot = app.NewClient();
            using var first = await bot.GetAsync(paths[i % paths.Length]);
            if (Captchas.Read(Parser.ParseDocument(await first.Content.ReadAsStringAsync())) is { } form)
            {
                using var guess = await Captchas.Answer(bot, form, code: "AAAAAA", answer: "1000");
            }

            using var forged = await bot.GetAsync(paths[i % paths.Length] + "?pass=x");
            return (first.StatusCode, forged.StatusCode);
        }));

        using var person = app.NewClient();
        await using var member = new ChatClient(app.NewClient());
        await member.Open(await Captchas.Solve(person, app.Services, "/global"));
        await member.WaitForLine("Welcome");
        var answers = await swarm;

        Assert.That(answers.Select(answer => answer.Item1).Concat(answers.Select(answer => answer.Item2)), Has.All.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.Redirect));
        Assert.That(app.Services.GetRequiredService<LocalSessions>().Count, Is.EqualTo(1), "only the person is listening");
        var snapshot = await app.Services.GetRequiredService<ClusterSwitchboard>().Snapshot();
        Assert.That(snapshot.People, Has.Count.EqualTo(1), "no bot reached the switchboard");
        Assert.That(snapshot.Lobbies.SelectMany(lobby => lobby.Waiting), Is.Empty, "no bot waits in a lobby");
        Assert.That(snapshot.Rooms.SelectMany(room => room.Members).Count(), Is.EqualTo(1), "no bot is in a room: the one member is the person, in global chat");
    }

    [Test]
    public async Task UnderPressureTheChallengeComesOnlyPastTheSitesChatsPerMinute()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RemandzanaApp(new Dictionary<string, string?>
        {
            ["Remandzana:Captcha:Mode"] = "UnderPressure",
            ["Remandzana:Captcha:PressureChatsPerMinute"] = "2",
        }, clock);
        var (first, second) = await app.OpenPair();
        await using var _ = first;
        await using var __ = second;

        using var http = app.NewClient();

        var third = Parser.ParseDocument(await http.GetStringAsync("/two"));

        Assert.That(Captchas.Read(third), Is.Not.Null, "the third chat in a minute meets a challenge");
        clock.Advance(TimeSpan.FromMinutes(1));
        await using var calm = await app.OpenChat("/two");
        Assert.That(calm.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a minute later the pressure is off");
    }

    [Test]
    public async Task WithTheCaptchaOffChatPagesOpenAtOnce()
    {
        await using var app = new RemandzanaApp();
        await using var chat = await app.OpenChat("/two");

        Assert.That(chat.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ASolvedChallengeLeadsOnlyToAChatPageOfThisSite()
    {
        await using var app = new RemandzanaApp(Always());
        using var http = app.NewClient();
        var form = Captchas.Read(Parser.ParseDocument(await http.GetStringAsync("/two")))! with { Then = "//evil.example/two" };

        using var answer = await Captchas.Answer(http, form, answer: Captchas.AnswerTo(app.Services, form.Challenge));

        Assert.That(answer.Headers.Location?.OriginalString, Does.StartWith("/?pass="));
    }

    /// <summary>Notes the pass id in a chat request's items when its page starts.</summary>
    private sealed class ItemsProbe(ConcurrentQueue<string?> seen) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                context.Response.OnStarting(() =>
                {
                    seen.Enqueue(context.Items[Passes.IdItem] as string);
                    return Task.CompletedTask;
                });
                await following(context);
            });
            next(app);
        };
    }
}
