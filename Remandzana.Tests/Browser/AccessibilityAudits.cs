using Microsoft.Playwright;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;
using Remandzana.Web.Localisation;

namespace Remandzana.Tests.Browser;

/// <summary>
/// axe-core finds nothing at WCAG 2.2 AA and best practice on any page, on each chat page while it
/// streams, and in every state of the send form inside its frame. axe runs in a test-only profile
/// with script on; the site itself sends no script (ResponseHeaders and the browser tests prove it).
/// </summary>
[Category("Browser")]
public sealed class AccessibilityAudits : BrowserFixture
{
    [TestCase("/")]
    [TestCase("/about")]
    [TestCase("/feedback")]
    [TestCase("/no-such-page")]
    [TestCase("/?lang=ar")]
    [TestCase("/about?lang=ar")]
    public async Task AnOrdinaryPageHasNoViolations(string path)
    {
        var page = await AuditTab();
        await page.GotoAsync(path);
        await page.AssertNoViolations(path);
    }

    [Test]
    public async Task TheFeedbackConfirmationHasNoViolations()
    {
        var page = await AuditTab();
        await page.GotoAsync("/feedback");
        await page.Locator("textarea[name=message]").FillAsync("Readable with a screen reader.");
        await page.Locator("form.feedback-form button[type=submit]").ClickAsync();
        await page.Locator("h1", new PageLocatorOptions { HasText = "Thank you" }).WaitForAsync();
        await page.AssertNoViolations("the feedback confirmation");
    }

    [TestCase("/two", Notices.LookingForStranger)]
    [TestCase("/three", Notices.LookingForTwoStrangers)]
    [TestCase("/question/ask", Notices.AskForQuestion)]
    [TestCase("/question/discuss", Notices.LookingForQuestion)]
    [TestCase("/global", "Welcome to global chat")]
    [TestCase("/any", Notices.LookingForPeople)]
    [TestCase("/two?lang=ar", "جارٍ البحث عن غريب")]
    public async Task AChatPageHasNoViolationsWhileItStreams(string path, string firstLine)
    {
        var page = await AuditTab();
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForLine(firstLine);
        await page.MessageField().WaitForAsync();
        await page.AssertNoViolations(path + " while it streams");
    }

    [Test]
    public async Task AConversationHasNoViolationsWhileItRunsWhenARefusalIsShownAndAfterItEnded()
    {
        var page = await AuditTab();
        await page.GotoAsync("/two", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        var stranger = await App.OpenChat("/two");
        await page.WaitForLine(Notices.FoundStranger);
        await page.Say("Hello, can you read this?");
        await stranger.WaitForLine("Hello, can you read this?");
        await stranger.Send("Every word.");
        await page.WaitForLine("Stranger: Every word.");
        await page.AssertNoViolations("a running conversation (the message form)");

        await page.Say("   ");
        await page.FrameLocator("iframe.send").Locator("p.error").WaitForAsync();
        await page.AssertNoViolations("the send form showing a refusal");

        await stranger.DisposeAsync();
        await page.WaitForLine(Notices.ConversationOver);
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.AssertNoViolations("an ended conversation");

        await page.Say("Are you still there?");
        await page.FrameLocator("iframe.send").Locator("input[disabled]").WaitForAsync();
        await page.AssertNoViolations("the send form after the end");
    }

    [TestCase(390)]
    [TestCase(320)]
    public async Task AConversationOnAPhoneHasNoViolationsWithItsMoreMenuClosedAndOpen(int width)
    {
        var page = await AuditTab((width, 844));
        await page.GotoAsync("/two", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await using var stranger = await App.OpenChat("/two");
        await page.WaitForLine(Notices.FoundStranger);
        await page.MoreMenu().WaitForAsync();
        await page.AssertNoViolations($"a conversation at {width} px with More closed");

        await page.MoreMenu().ClickAsync();
        await page.ReportButton().WaitForAsync();
        await page.AssertNoViolations($"a conversation at {width} px with More open");
    }

    public static IEnumerable<string> LanguageCodes => SiteLanguage.All.Select(language => language.Code);

    /// <summary>
    /// The question before ending a live conversation, open, then (the stranger gone) the ended form
    /// with "Don't match me with them again" and its confirmation, in every language (Arabic right to left).
    /// </summary>
    [TestCaseSource(nameof(LanguageCodes))]
    public async Task TheQuestionBeforeEndingALiveConversationHasNoViolations(string language)
    {
        var path = $"/two?lang={language}";
        // A browser of its own origin (the stranger's is 127.0.0.1), so that it can be kept apart.
        var page = await AuditTab(forwardedFor: $"198.51.100.{1 + LanguageCodes.ToList().IndexOf(language)}");
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await using var stranger = await App.OpenChat(path);
        await page.Locator(".log > .line.found").WaitForAsync();
        await page.Locator("nav details.end-chat summary").ClickAsync();
        await page.Locator("nav button.end-chat-yes").WaitForAsync();
        await page.AssertNoViolations(path + " asking \"End this chat?\"");
        if (language is "en" or "ar")
        {
            await page.Screenshot($"asked-{language}");
        }

        await stranger.DisposeAsync();
        await page.Locator(".log > .hb.ended").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.Say("?");
        var avoid = page.FrameLocator("iframe.send").Locator("form.avoid button");
        await avoid.WaitForAsync();
        await page.AssertNoViolations(path + " ended, offering \"Don't match me with them again\"");
        await avoid.ClickAsync();
        await page.FrameLocator("iframe.send").Locator("p.avoided").WaitForAsync();
        await page.AssertNoViolations(path + " after \"Don't match me with them again\"");
    }

    /// <summary>A resume link that resumes nobody (issue 25): the 410 page with its New conversation, in every language.</summary>
    [TestCaseSource(nameof(LanguageCodes))]
    public async Task ALinkThatNoLongerWorksHasNoViolations(string language)
    {
        var page = await AuditTab();
        var response = await page.GotoAsync($"/resume/two?key=spent&lang={language}");
        Assert.That(response?.Status, Is.EqualTo(410));
        await page.Locator("a.button[href^='/two']").WaitForAsync();
        await page.AssertNoViolations($"a spent resume link in {language}");
        if (language is "en" or "ar")
        {
            await page.Screenshot($"spent-link-{language}");
        }
    }

    /// <summary>The partner's page while a dropped stranger is waited for, then after they came back (issue 25), in every language.</summary>
    [Test]
    public async Task TheDroppedAndBackLinesHaveNoViolationsInEveryLanguage()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Chat:ResumeSeconds"] = "30" });
        foreach (var language in LanguageCodes)
        {
            var path = $"/two?lang={language}";
            var page = await Chromium.NewAuditTab(app.BaseAddress);
            _tabs.Add(page);
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            var stranger = await app.OpenChat(path);
            await page.Locator(".log > .line.found").WaitForAsync();
            var link = stranger.ResumeLink();
            await stranger.DisposeAsync();
            await page.Locator(".log > .line.dropped").WaitForAsync();
            await page.AssertNoViolations($"{path} waiting for a dropped stranger");
            await using var back = await app.OpenChat(link);
            await page.Locator(".log > .line.back").WaitForAsync();
            await page.AssertNoViolations($"{path} after the stranger came back");
            if (language is "en" or "ar")
            {
                await page.Screenshot($"dropped-and-back-{language}");
            }
        }
    }

    [Test]
    public async Task TheAskersFormHasNoViolationsWhileTheyWatch()
    {
        var page = await AuditTab();
        await page.GotoAsync("/question/ask", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForLine(Notices.AskForQuestion);
        await page.Say("Which is the best season?");
        await page.WaitForLine(Notices.YourQuestion("Which is the best season?").English);
        await page.FrameLocator("iframe.send").Locator("input[disabled]").WaitForAsync();
        await page.AssertNoViolations("the asker watching");
    }

    [Test]
    public async Task TheSavedConversationFileHasNoViolations()
    {
        var (alice, bob) = await App.OpenPair();
        await using var __ = alice;
        await using var ___ = bob;
        await bob.Send("Worth keeping.");

        await alice.WaitForLine("Stranger: Worth keeping.");
        var (_, file) = await alice.SaveConversation();

        var page = await AuditTab();
        await page.SetContentAsync(file);
        await page.AssertNoViolations("the saved conversation file");
    }

    [Test]
    public async Task TheAuditFindsAViolationInsideAFrame()
    {
        var page = await AuditTab();
        await page.RouteAsync("**/audit-canary", route => route.FulfillAsync(new() { ContentType = "text/html", Body = """
            <!doctype html><html lang="en"><head><title>Canary</title></head>
            <body><main><h1>Canary</h1><iframe title="Inner" src="/audit-canary-frame"></iframe></main></body></html>
            """ }));
        await page.RouteAsync("**/audit-canary-frame", route => route.FulfillAsync(new() { ContentType = "text/html", Body = """
            <!doctype html><html lang="en"><head><title>Inner</title></head><body><img src="data:,"></body></html>
            """ }));
        await page.GotoAsync("/audit-canary");

        var violations = await page.Violations();

        Assert.That(violations.Select(violation => violation.Id), Is.EqualTo(new[] { "image-alt" }), "only the frame's image without alt text");
        Assert.That(violations[0].Nodes, Has.One.StartsWith("[\"iframe\",\"img\"]"));
    }

    private readonly List<IPage> _tabs = [];

    private async Task<IPage> AuditTab((int Width, int Height)? viewport = null, string? forwardedFor = null)
    {
        var page = await Chromium.NewAuditTab(App.BaseAddress, viewport, forwardedFor);
        _tabs.Add(page);
        return page;
    }

    [TearDown]
    public async Task EveryoneLeft()
    {
        foreach (var tab in _tabs)
        {
            await tab.Context.CloseAsync();
        }

        _tabs.Clear();
        await App.WaitUntilEveryoneHasLeft();
    }
}
