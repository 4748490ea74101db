using Microsoft.Extensions.Logging.Abstractions;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Site;
using Remandzana.Web.Operator;
using Remandzana.Web.Options;

namespace Remandzana.Tests.Domain;

/// <summary>The site settings in force: what the operators changed, else appsettings.json; a notice per language; policies that did not change keep their counts.</summary>
[Category("Domain")]
public sealed class SiteSettingsValues
{
    private static readonly CaptchaOptions Captcha = new() { Mode = CaptchaMode.UnderPressure, PressureChatsPerMinute = 300 };
    private static readonly SiteSettingsOptions Site = new() { Notice = "Configured notice", NoticeByLanguage = new() { ["de"] = "Konfigurierter Hinweis" } };

    private static ModerationOptions Moderation() => new()
    {
        Two = new ModePolicyOptions { BlockUrls = new LadderOptions { Enabled = true, Suppress = 5, Then = Consequence.Kick } },
    };

    private static SettingsInForce InForce(SiteOverrides overrides, PoliciesByMode? earlier = null) =>
        SettingsInForce.From(overrides, Captcha, Moderation(), Site, earlier, NullLogger.Instance);

    [Test]
    public void NothingChangedIsAppsettingsJson()
    {
        var settings = InForce(new SiteOverrides());

        Assert.Multiple(() =>
        {
            Assert.That(settings.CaptchaMode, Is.EqualTo(CaptchaMode.UnderPressure));
            Assert.That(settings.PressureChatsPerMinute, Is.EqualTo(300));
            Assert.That(settings.Lockdown, Is.EqualTo(Lockdown.Normal));
            Assert.That(settings.Notice.For("en"), Is.EqualTo("Configured notice"));
            Assert.That(settings.Notice.For("de"), Is.EqualTo("Konfigurierter Hinweis"));
            Assert.That(settings.Policies.For(Mode.Two).Select(policy => policy.ToString()), Is.EqualTo(new[] { "Block URLs [suppress ×5 → kick]", "Repeated text [suppress ×2 → kick]" }));
            Assert.That(settings.PoliciesOverridden(Mode.Two), Is.False);
        });
    }

    [Test]
    public void EachChangedValueReplacesItsOwnDefaultOnly()
    {
        var settings = InForce(new SiteOverrides
        {
            PressureChatsPerMinute = 50,
            Notice = "Maintenance tonight",
            Policies = new() { ["Two"] = new() { ["BlockUrls"] = new PolicyOverride { Enabled = true, Suppress = 0, Then = Consequence.Exile } } },
        });

        Assert.Multiple(() =>
        {
            Assert.That(settings.CaptchaMode, Is.EqualTo(CaptchaMode.UnderPressure), "the mode was not changed");
            Assert.That(settings.PressureChatsPerMinute, Is.EqualTo(50));
            Assert.That(settings.Notice.For("de"), Is.EqualTo("Maintenance tonight"), "the operator's notice replaces the configured one in every language");
            Assert.That(settings.Policies.For(Mode.Two)[0].ToString(), Is.EqualTo("Block URLs [exile]"));
            Assert.That(settings.Policies.For(Mode.Two)[1].ToString(), Is.EqualTo("Repeated text [suppress ×2 → kick]"), "a policy not named keeps its configuration");
            Assert.That(settings.Policies.For(Mode.Three).Select(policy => policy.Name), Is.EqualTo(new[] { "Repeated text" }), "another mode keeps its configuration");
            Assert.That(settings.PoliciesOverridden(Mode.Two), Is.True);
        });
    }

    [TestCase(Lockdown.Normal, CaptchaMode.Off, true, false, false)]
    [TestCase(Lockdown.Normal, CaptchaMode.Always, false, true, false)]
    [TestCase(Lockdown.CaptchaEveryChat, CaptchaMode.Off, false, true, false)]
    [TestCase(Lockdown.NoNewChats, CaptchaMode.Off, true, false, true)]
    public void TheLockdownGoesBeyondTheCaptchaMode(Lockdown lockdown, CaptchaMode mode, bool captchaOff, bool alwaysAsks, bool closed)
    {
        var settings = InForce(new SiteOverrides { Lockdown = lockdown, CaptchaMode = mode });

        Assert.That((settings.CaptchaOff, settings.PassAlwaysNeeded, settings.NewChatsClosed), Is.EqualTo((captchaOff, alwaysAsks, closed)));
    }

    [Test]
    public void AChangeKeepsThePoliciesThatDidNotChangeSoTheirCountsStand()
    {
        var before = InForce(new SiteOverrides());
        var after = InForce(new SiteOverrides { Policies = new() { ["Two"] = new() { ["BlockUrls"] = new PolicyOverride { Enabled = true, Suppress = 1, Then = Consequence.Kick } } } }, before.Policies);

        Assert.Multiple(() =>
        {
            Assert.That(after.Policies.For(Mode.Two)[0], Is.Not.SameAs(before.Policies.For(Mode.Two)[0]), "the changed one is new");
            Assert.That(after.Policies.For(Mode.Two)[1], Is.SameAs(before.Policies.For(Mode.Two)[1]), "the unchanged one is the same policy");
            Assert.That(after.Policies.For(Mode.Global)[0], Is.SameAs(before.Policies.For(Mode.Global)[0]));
        });
    }

    [Test]
    public void ANoticeIsReadInTheReadersLanguageElseItsDefault()
    {
        var notice = new SiteNotice("  Back soon  ", new Dictionary<string, string> { ["es"] = "Volvemos pronto", ["fr"] = "   " });

        Assert.Multiple(() =>
        {
            Assert.That(notice.For("es"), Is.EqualTo("Volvemos pronto"));
            Assert.That(notice.For("ES"), Is.EqualTo("Volvemos pronto"));
            Assert.That(notice.For("fr"), Is.EqualTo("Back soon"), "a blank wording is none");
            Assert.That(notice.For("en"), Is.EqualTo("Back soon"), "trimmed");
            Assert.That(new SiteNotice(null, new Dictionary<string, string> { ["es"] = "Solo español" }).For("en"), Is.Null);
            Assert.That(SiteNotice.None.IsEmpty, Is.True);
        });
    }

    [Test]
    public void ANoticeIsOneLineOfAtMostThreeHundredCharacters()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SiteNotice.Problem(new string('x', SiteNotice.MaxLength)), Is.Null);
            Assert.That(SiteNotice.Problem(new string('x', SiteNotice.MaxLength + 1)), Does.Contain("the limit is 300"));
            Assert.That(SiteNotice.Problem("two\nlines"), Does.Contain("control character"));
            Assert.That(SiteNotice.Problem("   "), Is.Null, "blank is no notice");
        });
    }
}
