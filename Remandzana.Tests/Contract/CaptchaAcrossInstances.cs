using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Remandzana.Domain.Site;
using Remandzana.Tests.Support;
using Remandzana.Web.Operator;

namespace Remandzana.Tests.Contract;

/// <summary>
/// Two instances clustered through Redis, as behind a round-robin proxy: a challenge is answerable
/// once on whichever instance, a pass and its chat count are the same on both, and so is what
/// challenges cost an address.
/// </summary>
[Category("Contract")]
[NonParallelizable]
public sealed class CaptchaAcrossInstances
{
    private static readonly HtmlParser Parser = new();
    private RedisServer _redis = null!;
    private RemandzanaApp _first = null!;
    private RemandzanaApp _second = null!;

    [OneTimeSetUp]
    public async Task StartTwoInstances()
    {
        _redis = await RedisServer.Start();
        var cluster = $"c{Guid.NewGuid():N}"[..12];
        var certificate = await TestCertificates.Cluster();
        _first = Instance(cluster, certificate, "first");
        _second = Instance(cluster, certificate, "second");
        await EachSeesTheOther(_first);
        await EachSeesTheOther(_second);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _redis.DisposeAsync();
    }

    private RemandzanaApp Instance(string cluster, string certificate, string name) => new(new Dictionary<string, string?>
    {
        ["Remandzana:Backplane:Redis"] = _redis.ConnectionString,
        ["Remandzana:Backplane:Certificate"] = certificate,
        ["Remandzana:Backplane:KeyPrefix"] = cluster,
        ["Remandzana:Backplane:AdvertisedAddress"] = "127.0.0.1",
        ["Remandzana:Backplane:InstanceName"] = name,
        ["Remandzana:Captcha:Mode"] = "Always",
        ["Remandzana:Captcha:PassChats"] = "2",
        ["Remandzana:Limits:PerAddressLimitsEnabled"] = "true",
        ["Remandzana:Proxy:KnownProxies:0"] = "127.0.0.1",
    });

    private static async Task EachSeesTheOther(RemandzanaApp app)
    {
        var membership = app.Services.GetRequiredService<IClusterMembershipService>();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (membership.CurrentSnapshot.Members.Values.Count(member => member.Status == SiloStatus.Active) < 2)
        {
            await membership.Refresh(cancellationToken: patience.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token);
        }
    }

    [Test]
    public async Task AChallengeShownByOneInstanceIsDrawnAndAnsweredByTheOtherButNeverReplayed()
    {
        using var first = _first.NewClient();
        using var second = _second.NewClient();
        var form = Captchas.Read(Parser.ParseDocument(await first.GetStringAsync("/two")))!;
        var right = Captchas.AnswerTo(_first.Services, form.Challenge);

        using var picture = await second.GetAsync(form.Picture);
        using var answered = await Captchas.Answer(second, form, answer: right);
        using var replayed = await Captchas.Answer(first, form, answer: right);

        Assert.That(picture.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the other instance draws it");
        Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther), "the other instance takes the answer");
        Assert.That(replayed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the first instance knows it was answered");
        Assert.That(Captchas.Read(Parser.ParseDocument(await replayed.Content.ReadAsStringAsync()))!.Error, Does.Contain("already answered"));
    }

    [Test]
    public async Task APassFromOneInstanceOpensChatsOnTheOtherAndItsChatsAreCountedOnce()
    {
        using var first = _first.NewClient();
        var chat = await Captchas.Solve(first, _first.Services, "/three");

        await using (var onFirst = new ChatClient(_first.NewClient()))
        {
            await onFirst.Open(chat);
        }

        await using (var onSecond = new ChatClient(_second.NewClient()))
        {
            await onSecond.Open(chat);
            Assert.That(Captchas.PassIn(onSecond.Form.QuerySelector("form")!.GetAttribute("action")!), Is.EqualTo(Captchas.PassIn(chat)), "the other instance reads the pass and carries it");
        }

        using var third = await first.GetAsync(chat);
        Assert.That(Captchas.Read(Parser.ParseDocument(await third.Content.ReadAsStringAsync()))?.Error, Does.Contain("opened all the 2 chats"), "two chats, one on each instance, used the pass up");
    }

    [Test]
    public async Task ChallengesAskedOfBothInstancesAreCountedOnceForTheAddress()
    {
        var limit = _first.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Remandzana.Web.Options.CaptchaOptions>>().Value.ChallengesPerMinute;
        using var first = _first.NewClient();
        using var second = _second.NewClient();
        first.DefaultRequestHeaders.Add("X-Forwarded-For", "2001:db8:77:1::1");
        second.DefaultRequestHeaders.Add("X-Forwarded-For", "2001:db8:77:1::2");
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < limit + 2; i++)
        {
            using var answer = await (i % 2 == 0 ? first : second).GetAsync("/two");
            statuses.Add(answer.StatusCode);
        }

        Assert.That(statuses.Take(limit), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(statuses.Skip(limit), Is.EqualTo(new[] { HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests }), "each instance refuses once the two together showed the limit");
    }

    [Test]
    public async Task ASiteSettingChangedOnOneInstanceIsInForceOnTheOtherWithinASecond()
    {
        var other = _second.Services.GetRequiredService<SiteSettings>();
        using var second = _second.NewClient();
        try
        {
            await _first.Services.GetRequiredService<SiteSettings>().Change(grain => grain.SetLockdown(Lockdown.NoNewChats));

            await Eventually.That(() => other.Current.NewChatsClosed, "the other instance to close new chats (it asks every 0.5 s; the margin is for a loaded machine)", within: TimeSpan.FromSeconds(3));
            using var closed = await second.GetAsync("/two");
            Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }
        finally
        {
            await _first.Services.GetRequiredService<SiteSettings>().Change(grain => grain.SetLockdown(null));
            await Eventually.That(() => !other.Current.NewChatsClosed, "the other instance to open again");
        }
    }
}
