using Remandzana.Domain.Lines;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Switchboards;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class ModerationPolicies
{
    private const string V2 = "expyuzz4wqqyqhjn";
    private const string V3 = "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad";
    private const string OtherV3 = "juhanurmihxlp77nkq76byazcldy2hlmovfu2epvl5ankdibsot4csyd";

    private static readonly Ladder TwoThenKick = new(2, Consequence.Kick);

    [TestCase("see http://example.com")]
    [TestCase("see https://example.com/page?q=1")]
    [TestCase("HTTPS://EXAMPLE.COM")]
    [TestCase("go to " + V2 + ".onion now")]
    [TestCase(V3 + ".onion")]
    [TestCase("http://" + V3 + ".onion/")]
    public void BlockUrlsCatchesLinksAndOnionAddresses(string message) =>
        Assert.That(new BlockUrls(TwoThenKick).IsViolatedBy(message), Is.True);

    [TestCase("hello there")]
    [TestCase("example.com is a domain, not a link")]
    [TestCase("http:// alone")]
    [TestCase("shortname.onion")]
    [TestCase("x" + V2 + ".onion")]
    [TestCase("a" + V3 + ".onion")]
    [TestCase("expyuzz4wqqyqhj8.onion")]
    public void BlockUrlsLetsOrdinaryTextThrough(string message) =>
        Assert.That(new BlockUrls(TwoThenKick).IsViolatedBy(message), Is.False);

    [Test]
    public void OnionAddressesOfBothLengthsAreFound() =>
        Assert.That(Addresses.Onions($"{V2}.onion and {V3.ToUpperInvariant()}.ONION"), Is.EqualTo(new[] { V2, V3 }));

    [Test]
    public void TheDigestIsTheMd5OfTheFullOnionName() =>
        Assert.That(OnionBlacklist.Digest("abc"), Is.EqualTo("59ba675b87fdf5e37d606c17cd94058c"), "md5(\"abc.onion\"), as md5sum computes it");

    [Test]
    public void TheBlacklistCatchesListedOnionsOnly()
    {
        var policy = new OnionBlacklist(TwoThenKick, [OnionBlacklist.Digest(V3).ToUpperInvariant(), OnionBlacklist.Digest(V2)]);

        Assert.Multiple(() =>
        {
            Assert.That(policy.IsViolatedBy($"try {V3}.onion"), Is.True, "a listed v3 address");
            Assert.That(policy.IsViolatedBy($"http://{V2}.onion/x"), Is.True, "a listed v2 address");
            Assert.That(policy.IsViolatedBy($"try {OtherV3}.onion"), Is.False, "an address not on the list");
            Assert.That(policy.IsViolatedBy("https://example.com"), Is.False, "a link that is no onion");
            Assert.That(policy.IsViolatedBy($"{V3} without the suffix"), Is.False);
        });
    }

    [Test]
    public void TheLadderSuppressesNTimesThenAppliesItsConsequence()
    {
        var kick = new Ladder(2, Consequence.Kick);
        var exile = new Ladder(0, Consequence.Exile);

        Assert.Multiple(() =>
        {
            Assert.That(Enumerable.Range(1, 4).Select(kick.For), Is.EqualTo(new[] { Sanction.Suppress, Sanction.Suppress, Sanction.Kick, Sanction.Kick }));
            Assert.That(exile.For(1), Is.EqualTo(Sanction.Exile));
            Assert.That(new BlockUrls(new Ladder(5, Consequence.Kick)).ToString(), Is.EqualTo("Block URLs [suppress ×5 → kick]"));
            Assert.That(new BlockUrls(exile).ToString(), Is.EqualTo("Block URLs [exile]"));
        });
    }

    [Test]
    public void EachStepOfTheLadderTellsTheSenderInOrderAndTheLastWarningSaysWhatComesNext()
    {
        var (switchboard, sender, partner) = APair(new BlockUrls(TwoThenKick));

        Assert.That(switchboard.Send(sender.Id, "http://one.example", out var first), Is.EqualTo(SendOutcome.Suppressed));
        Assert.That(sender.Drain(), Is.EqualTo(new[] { new SystemLine(NoticeKind.Moderation, Notices.Suppressed("links and onion addresses are not allowed here").English) }));
        Assert.That(first!.IsLastWarning, Is.False);

        Assert.That(switchboard.Send(sender.Id, "http://two.example", out var second), Is.EqualTo(SendOutcome.Suppressed));
        Assert.That(second!.IsLastWarning, Is.True);
        Assert.That(sender.DrainTexts().Single(), Does.Contain("not sent").And.Contain("next time you will be removed from the conversation"));

        Assert.That(switchboard.Send(sender.Id, "fine words"), Is.EqualTo(SendOutcome.Relayed), "clean messages still go through");
        Assert.That(switchboard.Send(sender.Id, "http://three.example", out var third), Is.EqualTo(SendOutcome.Kicked));
        Assert.That(third!.Violation, Is.EqualTo(3));
        Assert.That(partner.DrainTexts(), Is.EqualTo(new[] { "Stranger: fine words", Notices.StrangerLeft, Notices.ConversationOver }), "no suppressed message ever reached the partner");
    }

    [Test]
    public void AKickEndsTheSendersConversationAndTellsThePartner()
    {
        var (switchboard, sender, partner) = APair(new BlockUrls(new Ladder(0, Consequence.Kick)));

        Assert.That(switchboard.Send(sender.Id, "https://example.com"), Is.EqualTo(SendOutcome.Kicked));

        Assert.Multiple(() =>
        {
            Assert.That(sender.DrainTexts(), Is.EqualTo(new[] { Notices.Kicked("links and onion addresses are not allowed here").English }));
            Assert.That(sender.StreamEnded(), Is.True);
            Assert.That(partner.DrainTexts(), Is.EqualTo(new[] { Notices.StrangerLeft, Notices.ConversationOver }));
            Assert.That(partner.StreamEnded(), Is.True);
            Assert.That(switchboard.Count, Is.Zero);
            Assert.That(switchboard.Inspect(board => board.Rooms.Count), Is.Zero);
            Assert.That(switchboard.Send(sender.Id, "sorry"), Is.EqualTo(SendOutcome.Departed));
        });
    }

    [Test]
    public void AnExileIsAKickTheWebLayerMarks()
    {
        var (switchboard, sender, partner) = APair(new BlockUrls(new Ladder(1, Consequence.Exile)));

        switchboard.Send(sender.Id, "http://a.example");
        Assert.That(sender.DrainTexts().Single(), Does.Contain("next time you will be exiled"));
        Assert.That(switchboard.Send(sender.Id, "http://b.example", out var verdict), Is.EqualTo(SendOutcome.Exiled));

        Assert.Multiple(() =>
        {
            Assert.That(verdict!.Sanction, Is.EqualTo(Sanction.Exile));
            Assert.That(sender.DrainTexts(), Is.EqualTo(new[] { Notices.Exiled("links and onion addresses are not allowed here").English }));
            Assert.That(sender.StreamEnded(), Is.True);
            Assert.That(partner.DrainTexts(), Is.EqualTo(new[] { Notices.StrangerLeft, Notices.ConversationOver }));
        });
    }

    [Test]
    public void ViolationsAreCountedPerPersonAndPerPolicy()
    {
        var urls = new BlockUrls(new Ladder(1, Consequence.Kick));
        var blacklist = new OnionBlacklist(new Ladder(1, Consequence.Kick), [OnionBlacklist.Digest(V3)]);
        var switchboard = Switchboards.New(policies: new PoliciesByMode(new Dictionary<Mode, IReadOnlyList<Policy>> { [Mode.Three] = [blacklist, urls] }));
        var alice = switchboard.JoinOrFail(ChatEntry.Three);
        var bob = switchboard.JoinOrFail(ChatEntry.Three);
        var charlie = switchboard.JoinOrFail(ChatEntry.Three);

        Assert.Multiple(() =>
        {
            Assert.That(switchboard.Send(alice.Id, $"{V3}.onion"), Is.EqualTo(SendOutcome.Suppressed), "alice's first blacklist violation");
            Assert.That(switchboard.Send(alice.Id, "http://x.example"), Is.EqualTo(SendOutcome.Suppressed), "alice's first URL violation");
            Assert.That(switchboard.Send(bob.Id, "http://x.example"), Is.EqualTo(SendOutcome.Suppressed), "bob's first URL violation");
            Assert.That(alice.Moderation.ViolationsOf(blacklist), Is.EqualTo(1));
            Assert.That(alice.Moderation.ViolationsOf(urls), Is.EqualTo(1));
            Assert.That(switchboard.Send(alice.Id, "http://y.example"), Is.EqualTo(SendOutcome.Kicked), "alice's second URL violation");
            Assert.That(charlie.Room, Is.Not.Null, "two of three are left, so the conversation goes on");
        });
    }

    [Test]
    public void PoliciesApplyOnlyToTheirMode()
    {
        var switchboard = Switchboards.New(policies: new PoliciesByMode(new Dictionary<Mode, IReadOnlyList<Policy>> { [Mode.Three] = [new BlockUrls(TwoThenKick)] }));
        var alice = switchboard.JoinOrFail(ChatEntry.Two);
        switchboard.JoinOrFail(ChatEntry.Two);

        Assert.That(switchboard.Send(alice.Id, "http://example.com"), Is.EqualTo(SendOutcome.Relayed));
    }

    [Test]
    public void AQuestionThatViolatesAPolicyIsRefusedWithTheReasonAndMayBeRetried()
    {
        var policy = new BlockUrls(new Ladder(0, Consequence.Exile));
        var switchboard = Switchboards.New(policies: new PoliciesByMode(new Dictionary<Mode, IReadOnlyList<Policy>> { [Mode.Question] = [policy] }));
        var asker = switchboard.JoinOrFail(ChatEntry.QuestionAsk);
        asker.Drain();

        Assert.That(switchboard.SubmitQuestion(asker.Id, "what about http://example.com?", out var refusedBy), Is.EqualTo(SetupOutcome.Rejected));
        Assert.That(refusedBy, Is.SameAs(policy));
        Assert.That(asker.DrainTexts(), Is.EqualTo(new[] { Notices.QuestionRefused(policy.Reason).English }));
        Assert.That(asker.Question, Is.Null);
        Assert.That(switchboard.SubmitQuestion(asker.Id, "what about cats?"), Is.EqualTo(SetupOutcome.Accepted));
    }

    private static (Switchboard Switchboard, Person Sender, Person Partner) APair(Policy policy)
    {
        var switchboard = Switchboards.New(policies: new PoliciesByMode(new Dictionary<Mode, IReadOnlyList<Policy>> { [Mode.Two] = [policy] }));
        var sender = switchboard.JoinOrFail(ChatEntry.Two);
        var partner = switchboard.JoinOrFail(ChatEntry.Two);
        sender.Drain();
        partner.Drain();
        return (switchboard, sender, partner);
    }
}
