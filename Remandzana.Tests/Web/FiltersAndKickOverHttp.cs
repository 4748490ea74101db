using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Moderation;
using Remandzana.Tests.Support;
using Remandzana.Web.Operator;

namespace Remandzana.Tests.Web;

/// <summary>The operator's filters and kick, through the console's forms, on real conversations.</summary>
[Category("Web")]
public sealed class FiltersAndKickOverHttp
{
    private static readonly IPAddress TrollAddress = IPAddress.Parse("127.0.0.3");

    private RemandzanaApp _app = null!;

    [OneTimeSetUp]
    public void StartApp() => _app = new RemandzanaApp(ConsoleOperators.Settings());

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [TearDown]
    public Task EveryoneLeft() => _app.WaitUntilEveryoneHasLeft();

    [Test]
    public async Task AKickingFilterKicksTheSenderOfARealMessageAndThePartnerIsTold()
    {
        using var admin = Admin();
        var (status, _, location) = await AddFilter(admin, "Two", "Word", "zonkword", "Kick");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(location, Is.EqualTo("/operator/filters"));
        var (alice, bob) = await _app.OpenPair();
        await using var _ = alice;
        await using var __ = bob;

        await alice.Send("you ZОNKWORD\u200B!");

        var kicked = Notices.Kicked(ChatFilters.KickReason).English;
        Assert.That(alice.Form.QuerySelector(".error")?.TextContent, Is.EqualTo(kicked));
        await alice.WaitForLine(kicked);
        await alice.WaitForEnd();
        await bob.WaitForLine(Notices.StrangerLeft);
        Assert.That(bob.ChatTexts, Is.Empty, "the message never reached the partner");
        var audit = await _app.Services.GetRequiredService<IOperatorAudit>().RecentAsync(20);
        Assert.That(audit.Any(entry => entry.Operator == ConsoleOperators.Admin && entry.Action == "filter-add" && entry.Detail.Contains("zonkword", StringComparison.Ordinal)), Is.True, "the audit log says who added it");
    }

    [Test]
    public async Task SuppressedAndReplacedMessagesReadAsThePartnerSeesThem()
    {
        using var admin = Admin();
        await AddFilter(admin, "Two", "Word", "blorpword", "Suppress");
        await AddFilter(admin, "Two", "Pattern", @"fudg(e|ing)", "Replace", "f***");
        var (page, _) = await admin.Get("/operator/filters");
        Assert.That(page, Is.EqualTo(HttpStatusCode.OK));
        var (alice, bob) = await _app.OpenPair();
        await using var _ = alice;
        await using var __ = bob;

        await alice.Send("Blorp\u00ADWord here");
        await alice.WaitForLine(Notices.Suppressed(ChatFilters.SuppressReason).English);
        await alice.Send("oh FUDGING hell");

        await bob.WaitForLine("Stranger: oh f*** hell");
        Assert.That(bob.ChatTexts.Single(), Does.Not.Contain("orp"), "the suppressed line never came");
        await alice.WaitForLine("You: oh f*** hell");
    }

    [Test]
    public async Task ABadPatternAndATooLongOneAreRefusedWithTheTypedTextKept()
    {
        using var admin = Admin();
        var tooLong = new string('x', FilterLimits.MaxTextLength + 1);

        var (badStatus, bad, _) = await AddFilter(admin, "Global", "Pattern", "(unclosed", "Suppress");
        var (longStatus, refusedLong, _) = await AddFilter(admin, "Global", "Pattern", tooLong, "Kick");
        var (backtrackingStatus, backtracking, _) = await AddFilter(admin, "Global", "Pattern", @"(a)\1", "Kick");

        Assert.Multiple(() =>
        {
            Assert.That(badStatus, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(bad.QuerySelector(".console-problem")?.TextContent, Does.Contain("not a valid regular expression"));
            Assert.That(bad.QuerySelector("#filter-text")?.GetAttribute("value"), Is.EqualTo("(unclosed"));
            Assert.That(bad.QuerySelector("#filter-kind option[selected]")?.GetAttribute("value"), Is.EqualTo("Pattern"));
            Assert.That(bad.QuerySelector("#filter-mode option[selected]")?.GetAttribute("value"), Is.EqualTo("Global"));
            Assert.That(longStatus, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(refusedLong.QuerySelector(".console-problem")?.TextContent, Does.Contain($"at most {FilterLimits.MaxTextLength} characters"));
            Assert.That(refusedLong.QuerySelector("#filter-text")?.GetAttribute("value"), Is.EqualTo(tooLong));
            Assert.That(refusedLong.QuerySelector("#filter-action option[selected]")?.GetAttribute("value"), Is.EqualTo("Kick"));
            Assert.That(backtrackingStatus, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(backtracking.QuerySelector(".console-problem")?.TextContent, Does.Contain("backtracking"));
        });
    }

    [Test]
    public async Task AModeratorMayKickButNotOpenOrChangeTheFilters()
    {
        using var moderator = Moderator();
        var (filters, _) = await moderator.Get("/operator/filters");
        var (kick, kickPage) = await moderator.Get("/operator/kick");
        var token = kickPage.QuerySelector("input[name=operatorToken]")!.GetAttribute("value")!;
        using var post = await moderator.Http.PostAsync("/operator/filters/add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["operatorToken"] = token, ["mode"] = "Two", ["kind"] = "Word", ["text"] = "sneaky", ["action"] = "Kick", ["replacement"] = "",
        }));

        Assert.Multiple(() =>
        {
            Assert.That(filters, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(kick, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(kickPage.QuerySelector("a[href='/operator/filters']"), Is.Null, "not offered to a Moderator");
        });
    }

    [Test]
    public async Task AKickByNicknameInGlobalChatShowsTheMessageAndTellsTheOthers()
    {
        var troll = await _app.OpenChat("/global");
        await using var _ = troll;
        var other = await _app.OpenChat("/global");
        await using var __ = other;
        await troll.WaitForLine("Anonymous joined.");
        await troll.Send("/nick Troll_1");
        await troll.WaitForLine("You are now known as Troll_1.");
        using var moderator = Moderator();

        var (nobodyStatus, nobody, _) = await Kick(moderator, new() { ["nickname"] = "Troll_2", ["message"] = "Be kind." });
        var (status, done, _) = await Kick(moderator, new() { ["nickname"] = "troll_1", ["message"] = "Please be kind <b>here</b>." });

        Assert.Multiple(() =>
        {
            Assert.That(nobodyStatus, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(nobody.QuerySelector(".console-problem")?.TextContent, Does.Contain("Nobody in global chat goes by \"Troll_2\""));
            Assert.That(nobody.QuerySelector("#kick-message")?.GetAttribute("value"), Is.EqualTo("Be kind."), "the typed message is kept");
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(done.QuerySelector(".console-done")?.TextContent, Does.Contain("Removed 1: Troll_1"));
        });
        var line = await troll.WaitForLine("The operator removed you from the conversation: Please be kind <b>here</b>.");
        Assert.That(line.QuerySelector("b"), Is.Null, "the operator's text is shown, not markup");
        await troll.WaitForEnd();
        await other.WaitForLine("Troll_1 left.");
        var audit = await _app.Services.GetRequiredService<IOperatorAudit>().RecentAsync(20);
        Assert.That(audit.Any(entry => entry.Operator == ConsoleOperators.Moderator && entry.Action == "kick" && entry.Detail.Contains("troll_1", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public async Task AKickByReportRemovesTheReportedFromTheirNextConversationAndItsBarClosesTheirChatPages()
    {
        var (reporter, troll) = await Pairing.OpenPair(_app.NewClient(), _app.NewClient(TrollAddress));
        await using (reporter)
        await using (troll)
        {
            await troll.Send("something nasty");
            await reporter.WaitForLine("Stranger: something nasty");
            await reporter.Report();
            await troll.WaitForEnd();
        }

        var file = Path.GetFileName(Directory.GetFiles(Path.Combine(_app.Folder, "reports"), "*.json").Single());
        var (again, partner) = await Pairing.OpenPair(_app.NewClient(TrollAddress), _app.NewClient());
        await using var _ = again;
        await using var __ = partner;
        using var moderator = Moderator();
        var (formStatus, form) = await moderator.Get($"/operator/kick?report={Uri.EscapeDataString(file)}");
        Assert.That(formStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(form.QuerySelector("input[name=report]")?.GetAttribute("value"), Is.EqualTo(file));

        var (status, done, _) = await moderator.Post($"/operator/kick?report={Uri.EscapeDataString(file)}", "/operator/kick", new Dictionary<string, string>
        {
            ["report"] = file, ["message"] = "Reported for abuse.", ["barMinutes"] = "60",
        });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(done.QuerySelector(".console-done")?.TextContent, Does.Contain("Removed 1").And.Contain("barred until"));
        await again.WaitForLine("The operator removed you from the conversation: Reported for abuse.");
        await again.WaitForEnd();
        await partner.WaitForLine(Notices.StrangerLeft);
        await partner.WaitForEnd();
        using var fromTroll = _app.NewClient(TrollAddress);
        using var next = await fromTroll.GetAsync("/two", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "barred");
        using var fromPartner = _app.NewClient();
        using var partnerNext = await fromPartner.GetAsync("/two", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(partnerNext.StatusCode, Is.EqualTo(HttpStatusCode.OK), "only the reported origin");

        var (missing, _) = await moderator.Get("/operator/kick?report=..%2F..%2Fetc%2Fpasswd");
        Assert.That(missing, Is.EqualTo(HttpStatusCode.NotFound), "a report is a name the folder lists, never a path");
    }

    private ConsoleSession Admin() => new(_app.NewClient(), ConsoleOperators.Admin);

    private ConsoleSession Moderator() => new(_app.NewClient(), ConsoleOperators.Moderator);

    private static Task<(HttpStatusCode Status, AngleSharp.Dom.IDocument Page, string? Location)> AddFilter(ConsoleSession admin, string mode, string kind, string text, string action, string replacement = "") =>
        admin.Post("/operator/filters", "/operator/filters/add", new Dictionary<string, string>
        {
            ["mode"] = mode, ["kind"] = kind, ["text"] = text, ["action"] = action, ["replacement"] = replacement,
        });

    private static Task<(HttpStatusCode Status, AngleSharp.Dom.IDocument Page, string? Location)> Kick(ConsoleSession moderator, Dictionary<string, string> fields) =>
        moderator.Post("/operator/kick", "/operator/kick", fields);
}
