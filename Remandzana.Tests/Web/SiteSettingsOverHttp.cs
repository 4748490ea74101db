using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Site;
using Remandzana.Tests.Support;
using Remandzana.Web.Operator;
using Remandzana.Web.Options;
using Remandzana.Web.Sessions;

namespace Remandzana.Tests.Web;

/// <summary>What a change to the site settings does to the next page: captcha, lockdown, the site notice, the policies.</summary>
[Category("Web")]
public sealed class SiteSettingsOverHttp() : SharedAppFixture(new Dictionary<string, string?> { ["Remandzana:Captcha:Mode"] = "Off" })
{
    private static readonly HtmlParser Parser = new();

    private SiteSettings Settings => App.Services.GetRequiredService<SiteSettings>();

    [TearDown]
    public async Task BackToAppsettings()
    {
        await Settings.Change(grain => grain.SetCaptcha(null, null));
        await Settings.Change(grain => grain.SetLockdown(null));
        await Settings.Change(grain => grain.SetNotice(null, null));
        foreach (var mode in Enum.GetValues<Mode>())
        {
            await Settings.Change(grain => grain.SetPolicies(mode, null));
        }
    }

    [Test]
    public async Task CaptchaSwitchedToAlwaysMakesTheNextChatPageAskForIt()
    {
        using var http = App.NewClient();
        await using (var before = await App.OpenChat("/two"))
        {
            Assert.That(before.Lines, Is.Not.Empty, "the captcha is off in appsettings.json: the chat opens");
        }

        await App.WaitUntilEveryoneHasLeft();
        await Settings.Change(grain => grain.SetCaptcha(CaptchaMode.Always, null));

        var page = Parser.ParseDocument(await http.GetStringAsync("/two"));

        Assert.That(Captchas.Read(page), Is.Not.Null, "a challenge instead of the chat");
        Assert.That(App.Services.GetRequiredService<LocalSessions>().Count, Is.Zero, "nobody joined");
    }

    [Test]
    public async Task TheLockdownsCaptchaOnEveryChatAsksEvenWhileTheCaptchaIsOff()
    {
        using var http = App.NewClient();
        await Settings.Change(grain => grain.SetLockdown(Lockdown.CaptchaEveryChat));

        var page = Parser.ParseDocument(await http.GetStringAsync("/global"));

        Assert.That(Captchas.Read(page), Is.Not.Null);
    }

    [Test]
    public async Task NoNewChatsAnswersAClosedPageWhileAnOpenConversationGoesOn()
    {
        var (alice, bob) = await App.OpenPair();
        await using var _ = alice;
        await using var __ = bob;
        await Settings.Change(grain => grain.SetLockdown(Lockdown.NoNewChats));
        using var http = App.NewClient();

        using var closed = await http.GetAsync("/two?lang=es&interests=chess");
        var page = Parser.ParseDocument(await closed.Content.ReadAsStringAsync());
        await alice.Send("still here?");

        Assert.Multiple(() =>
        {
            Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(closed.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(300)));
            Assert.That(closed.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Cerrado por ahora"), "in the page's language");
            Assert.That(page.QuerySelector("main, section.closed")?.TextContent, Does.Contain("Las que ya están abiertas continúan"));
            Assert.That(page.QuerySelector("section.closed a.button")?.GetAttribute("href"), Does.StartWith("/?").And.Contain("lang=es"), "a link home, the language kept");
            Assert.That(page.QuerySelectorAll("script"), Is.Empty);
        });
        await bob.WaitForLine("still here?");
        Assert.That(App.Services.GetRequiredService<LocalSessions>().Count, Is.EqualTo(2), "nobody new joined");
    }

    [Test]
    public async Task TheSiteNoticeIsOnTheHomePageAndAtopANewChatInTheReadersLanguageAsText()
    {
        await Settings.Change(grain => grain.SetNotice("Maintenance at 22:00 <b>UTC</b>", new Dictionary<string, string> { ["es"] = "Mantenimiento a las 22:00" }));
        using var http = App.NewClient();

        var home = Parser.ParseDocument(await http.GetStringAsync("/"));
        var homeEs = Parser.ParseDocument(await http.GetStringAsync("/?lang=es"));
        await using var english = await App.OpenChat("/global");
        await using var spanish = await App.OpenChat("/global?lang=es");

        Assert.Multiple(() =>
        {
            Assert.That(home.QuerySelector(".site-notice bdi")?.TextContent, Is.EqualTo("Maintenance at 22:00 <b>UTC</b>"), "shown, never interpreted");
            Assert.That(home.QuerySelector(".site-notice b"), Is.Null);
            Assert.That(homeEs.QuerySelector(".site-notice")?.TextContent, Is.EqualTo("Aviso del operador: Mantenimiento a las 22:00"));
            Assert.That(english.Lines[0].ClassList, Does.Contain("site-notice"), "the first line of the conversation");
            Assert.That(english.Lines[0].TextContent, Is.EqualTo("Maintenance at 22:00 <b>UTC</b>"));
            Assert.That(spanish.Lines[0].TextContent, Is.EqualTo("Mantenimiento a las 22:00"));
        });
    }

    [Test]
    public async Task APolicyChangeAppliesToTheNextMessageAndTheAboutPageSaysSo()
    {
        using var http = App.NewClient();
        await Settings.Change(grain => grain.SetPolicies(Mode.Two, new Dictionary<string, PolicyOverride>
        {
            ["BlockUrls"] = new() { Enabled = true, Suppress = 0, Then = Consequence.Kick },
        }));
        var about = Parser.ParseDocument(await http.GetStringAsync("/about?lang=de"));
        var (alice, bob) = await App.OpenPair();
        await using var _ = alice;
        await using var __ = bob;

        await alice.Send("see https://example.com");

        await alice.WaitForLine(Notices.Kicked("links and onion addresses are not allowed here").English);
        await bob.WaitForLine(Notices.StrangerLeft);
        Assert.That(bob.ChatTexts, Is.Empty);
        Assert.That(about.QuerySelectorAll(".modes-list .policies")[0].TextContent, Does.Contain("Links sperren [Rauswurf]"), "the about page shows the policy in force, translated");
    }

    [Test]
    public async Task SettingsSurviveARestartInTheirFile()
    {
        var state = Directory.CreateTempSubdirectory("remandzana-state-").FullName;
        var settings = new Dictionary<string, string?> { ["Remandzana:Console:StateDirectory"] = state };
        try
        {
            await using (var before = new RemandzanaApp(settings))
            {
                await before.Services.GetRequiredService<SiteSettings>().Change(grain => grain.SetLockdown(Lockdown.NoNewChats));
            }

            await using var after = new RemandzanaApp(settings);
            using var http = after.NewClient();

            await Eventually.That(() => after.Services.GetRequiredService<SiteSettings>().Current.NewChatsClosed, "the restarted site to read its lockdown");
            using var closed = await http.GetAsync("/two", HttpCompletionOption.ResponseHeadersRead);

            Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(Directory.GetFiles(state).Select(File.ReadAllText), Has.One.Contains("\"Lockdown\": \"NoNewChats\""));
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
