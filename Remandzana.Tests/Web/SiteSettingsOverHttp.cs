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
public sealed class SiteSettingsOverHttp() : SharedAppFixture(ConsoleOperators.Settings(new Dictionary<string, string?> { ["Remandzana:Captcha:Mode"] = "Off" }))
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

    private HttpClient Console(string name) => ConsoleOperators.SignedIn(App, name);

    /// <summary>Posts the settings page's form whose action is <paramref name="action"/>, its fields as the page gave them with <paramref name="changes"/> typed over them.</summary>
    private static async Task<HttpResponseMessage> Submit(HttpClient http, string action, params (string Name, string Value)[] changes)
    {
        var page = Parser.ParseDocument(await http.GetStringAsync("/operator/settings"));
        var form = page.QuerySelectorAll("form").First(candidate => candidate.GetAttribute("action") == action && candidate.QuerySelector("input[name=reset]") is null);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var field in form.QuerySelectorAll("input[name], select[name]"))
        {
            var name = field.GetAttribute("name")!;
            if (changes.Any(change => change.Name == name))
            {
                continue;
            }

            if (field.GetAttribute("type") is "checkbox" or "radio" && !field.HasAttribute("checked"))
            {
                continue;
            }

            var value = field.LocalName == "select"
                ? (field.QuerySelector("option[selected]") ?? field.QuerySelector("option"))!.GetAttribute("value")!
                : field.GetAttribute("value") ?? "";
            fields.Add(new(name, value));
        }

        fields.AddRange(changes.Select(change => KeyValuePair.Create(change.Name, change.Value)));
        return await http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private async Task<IReadOnlyList<Remandzana.Web.Operator.AuditEntry>> Audit() =>
        await App.Services.GetRequiredService<IOperatorAudit>().RecentAsync(50);

    [Test]
    public async Task AnAdminSwitchesTheCaptchaToAlwaysInTheConsoleAndTheNextChatPageAsks()
    {
        using var admin = Console(ConsoleOperators.Admin);
        using var visitor = App.NewClient();

        using var saved = await Submit(admin, "/operator/settings/captcha", ("mode", "Always"));
        var page = Parser.ParseDocument(await admin.GetStringAsync("/operator/settings"));
        var chat = Parser.ParseDocument(await visitor.GetStringAsync("/two"));
        using var moderator = Console(ConsoleOperators.Moderator);
        var overview = await OverviewPage.Read(moderator);

        Assert.Multiple(async () =>
        {
            Assert.That(overview.Figure("Captcha mode"), Is.All.EqualTo("Always"), "the overview shows the mode in force, for the site and the instance");
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Found));
            Assert.That(saved.Headers.Location?.OriginalString, Is.EqualTo("/operator/settings"));
            Assert.That(Captchas.Read(chat), Is.Not.Null, "the next chat page asks for the captcha");
            Assert.That(page.QuerySelector("#captcha-title + p")?.TextContent, Does.Contain("In force: Always").And.Contain("changed in the console").And.Contain("appsettings.json: Off"));
            Assert.That((await Audit()).Select(entry => (entry.Operator, entry.Action, entry.Detail)), Has.Member((ConsoleOperators.Admin, "settings.captcha", "captcha Mode=Always, PressureChatsPerMinute=300")));
        });

        using var reset = await Submit(admin, "/operator/settings/captcha", ("reset", "true"));
        Assert.That(Settings.Current.CaptchaMode, Is.EqualTo(CaptchaMode.Off), "reset to appsettings.json");
    }

    [Test]
    public async Task AThresholdOutOfRangeOrANoticeTooLongIsRefusedWithTheTypedValuesKept()
    {
        using var admin = Console(ConsoleOperators.Admin);
        var longNotice = new string('n', 301);

        using var threshold = await Submit(admin, "/operator/settings/captcha", ("mode", "UnderPressure"), ("pressure", "0"));
        var thresholdPage = Parser.ParseDocument(await threshold.Content.ReadAsStringAsync());
        using var notice = await Submit(admin, "/operator/settings/notice", ("notice", "fine"), ("notice-es", longNotice));
        var noticePage = Parser.ParseDocument(await notice.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(threshold.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(thresholdPage.QuerySelector("[role=alert]")?.TextContent, Does.Contain("a whole number from 1 to 10000000"));
            Assert.That(thresholdPage.QuerySelector("#captcha-pressure")?.GetAttribute("value"), Is.EqualTo("0"), "as typed");
            Assert.That(thresholdPage.QuerySelector("#captcha-mode option[selected]")?.GetAttribute("value"), Is.EqualTo("UnderPressure"), "as chosen");
            Assert.That(notice.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(noticePage.QuerySelector("[role=alert]")?.TextContent, Does.Contain("Español (es)").And.Contain("the limit is 300"));
            Assert.That(noticePage.QuerySelector("#notice-es")?.GetAttribute("value"), Is.EqualTo(longNotice));
            Assert.That(noticePage.QuerySelector("#notice")?.GetAttribute("value"), Is.EqualTo("fine"));
            Assert.That(Settings.Current.PressureChatsPerMinute, Is.EqualTo(300), "nothing changed");
            Assert.That(Settings.Current.Notice.IsEmpty, Is.True, "nothing changed");
        });
    }

    [Test]
    public async Task ThePolicyFormChangesAModesPoliciesAndTheLockdownFormResets()
    {
        using var admin = Console(ConsoleOperators.Admin);

        using var policies = await Submit(admin, "/operator/settings/policies/Global", ("BlockUrls.Enabled", "true"), ("BlockUrls.Suppress", "3"), ("BlockUrls.Then", "Exile"));
        using var closed = await Submit(admin, "/operator/settings/lockdown", ("position", "NoNewChats"));
        var closedNow = Settings.Current.NewChatsClosed;
        using var reopened = await Submit(admin, "/operator/settings/lockdown", ("reset", "true"));

        Assert.Multiple(async () =>
        {
            Assert.That(policies.StatusCode, Is.EqualTo(HttpStatusCode.Found));
            Assert.That(Settings.Current.Policies.For(Mode.Global).Select(policy => policy.ToString()), Has.Member("Block URLs [suppress ×3 → exile]"));
            Assert.That(closedNow, Is.True);
            Assert.That(Settings.Current.Lockdown, Is.EqualTo(Lockdown.Normal));
            Assert.That((await Audit()).Select(entry => entry.Detail), Has.Member("lockdown NoNewChats").And.Member("lockdown reset to appsettings.json"));
        });
    }

    [Test]
    public async Task AModeratorIsRefusedTheSettingsPageAndItsForms()
    {
        using var moderator = Console(ConsoleOperators.Moderator);

        using var page = await moderator.GetAsync("/operator/settings");
        using var post = await moderator.PostAsync("/operator/settings/lockdown", new FormUrlEncodedContent(new Dictionary<string, string> { ["position"] = "NoNewChats" }));
        var overview = Parser.ParseDocument(await moderator.GetStringAsync("/operator"));

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(overview.QuerySelectorAll("nav a").Select(link => link.GetAttribute("href")), Has.No.Member("/operator/settings"), "not offered to a moderator");
        Assert.That(Settings.Current.Lockdown, Is.EqualTo(Lockdown.Normal));
    }

    [Test]
    public async Task AForgedFormTokenIsRefusedAndChangesNothing()
    {
        using var admin = Console(ConsoleOperators.Admin);

        using var forged = await Submit(admin, "/operator/settings/lockdown", ("position", "NoNewChats"), ("operatorToken", "CfDJ8forged"));

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(Settings.Current.Lockdown, Is.EqualTo(Lockdown.Normal));
    }
}
