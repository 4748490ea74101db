using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
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
        var (told, room, policies, sender, partner) = APair(new BlockUrls(TwoThenKick));

        Assert.That(told.After(room, room.Receive(sender, "http://one.example", policies)), Is.EqualTo(SendOutcome.Suppressed));
        Assert.That(told.Drain(sender), Is.EqualTo(new[] { new SystemLine(NoticeKind.Moderation, Notices.Suppressed("links and onion addresses are not allowed here").English) }));
        Assert.That(told.Verdicts(sender).Single().IsLastWarning, Is.False);

        Assert.That(told.After(room, room.Receive(sender, "http://two.example", policies)), Is.EqualTo(SendOutcome.Suppressed));
        Assert.That(told.Verdicts(sender)[^1].IsLastWarning, Is.True);
        Assert.That(told.Texts(sender).Single(), Does.Contain("not sent").And.Contain("next time you will be removed from the conversation"));

        Assert.That(told.After(room, room.Receive(sender, "fine words", policies)), Is.EqualTo(SendOutcome.Relayed), "clean messages still go through");
        Assert.That(told.Verdicts(sender), Has.Count.EqualTo(2), "and earn no verdict");
        Assert.That(told.After(room, room.Receive(sender, "http://three.example", policies)), Is.EqualTo(SendOutcome.Kicked));
        Assert.That(told.Verdicts(sender)[^1].Violation, Is.EqualTo(3));
        Assert.That(told.Verdicts(partner), Is.Empty);
        Assert.That(told.Texts(partner), Is.EqualTo(new[] { "Stranger: fine words", Notices.StrangerLeft, Notices.ConversationOver }), "no suppressed message ever reached the partner");
    }

    [Test]
    public void AKickEndsTheSendersConversationAndTellsThePartner()
    {
        var (told, room, policies, sender, partner) = APair(new BlockUrls(new Ladder(0, Consequence.Kick)));

        Assert.That(told.After(room, room.Receive(sender, "https://example.com", policies)), Is.EqualTo(SendOutcome.Kicked));

        Assert.Multiple(() =>
        {
            Assert.That(told.Verdicts(sender).Single().Sanction, Is.EqualTo(Sanction.Kick));
            Assert.That(told.Texts(sender), Is.EqualTo(new[] { Notices.Kicked("links and onion addresses are not allowed here").English }));
            Assert.That(told.Released(sender), Is.True);
            Assert.That(told.Texts(partner), Is.EqualTo(new[] { Notices.StrangerLeft, Notices.ConversationOver }));
            Assert.That(told.Released(partner), Is.True);
            Assert.That(sender.IsGone && partner.IsGone, Is.True);
            Assert.That(room.IsFinished, Is.True);
            Assert.That(told.After(room, room.Receive(sender, "sorry", policies)), Is.EqualTo(SendOutcome.Departed));
        });
    }

    [Test]
    public void AnExileIsAKickTheWebLayerMarks()
    {
        var (told, room, policies, sender, partner) = APair(new BlockUrls(new Ladder(1, Consequence.Exile)));

        told.After(room, room.Receive(sender, "http://a.example", policies));
        Assert.That(told.Texts(sender).Single(), Does.Contain("next time you will be exiled"));
        Assert.That(told.After(room, room.Receive(sender, "http://b.example", policies)), Is.EqualTo(SendOutcome.Exiled));

        Assert.Multiple(() =>
        {
            Assert.That(told.Verdicts(sender)[^1].Sanction, Is.EqualTo(Sanction.Exile));
            Assert.That(told.Texts(sender), Is.EqualTo(new[] { Notices.Exiled("links and onion addresses are not allowed here").English }));
            Assert.That(told.Released(sender), Is.True);
            Assert.That(told.Texts(partner), Is.EqualTo(new[] { Notices.StrangerLeft, Notices.ConversationOver }));
        });
    }

    [Test]
    public void ViolationsAreCountedPerPersonAndPerPolicy()
    {
        var urls = new BlockUrls(new Ladder(1, Consequence.Kick));
        var blacklist = new OnionBlacklist(new Ladder(1, Consequence.Kick), [OnionBlacklist.Digest(V3)]);
        var policies = new PoliciesByMode(new Dictionary<Mode, IReadOnlyList<Policy>> { [Mode.Three] = [blacklist, urls] });
        var told = new Told(policies: policies);
        var alice = told.Join(ChatEntry.Three);
        var bob = told.Join(ChatEntry.Three);
        var charlie = told.Join(ChatEntry.Three);
        var room = alice.Room!;

        Assert.Multiple(() =>
        {
            Assert.That(told.After(room, room.Receive(alice, $"{V3}.onion", policies)), Is.EqualTo(SendOutcome.Suppressed), "alice's first blacklist violation");
            Assert.That(told.After(room, room.Receive(alice, "http://x.example", policies)), Is.EqualTo(SendOutcome.Suppressed), "alice's first URL violation");
            Assert.That(told.After(room, room.Receive(bob, "http://x.example", policies)), Is.EqualTo(SendOutcome.Suppressed), "bob's first URL violation");
            Assert.That(alice.Moderation.ViolationsOf(blacklist), Is.EqualTo(1));
            Assert.That(alice.Moderation.ViolationsOf(urls), Is.EqualTo(1));
            Assert.That(told.After(room, room.Receive(alice, "http://y.example", policies)), Is.EqualTo(SendOutcome.Kicked), "alice's second URL violation");
            Assert.That(told.Verdicts(alice).Select(verdict => verdict.Sanction), Is.EqualTo(new[] { Sanction.Suppress, Sanction.Suppress, Sanction.Kick }));
            Assert.That(charlie.Room, Is.Not.Null, "two of three are left, so the conversation goes on");
            Assert.That(told.Released(charlie), Is.False);
        });
    }

    [Test]
    public void PoliciesApplyOnlyToTheirMode()
    {
        var policies = new PoliciesByMode(new Dictionary<Mode, IReadOnlyList<Policy>> { [Mode.Three] = [new BlockUrls(TwoThenKick)] });
        var told = new Told(policies: policies);
        var alice = told.Join(ChatEntry.Two);
        told.Join(ChatEntry.Two);
        var room = alice.Room!;

        Assert.That(told.After(room, room.Receive(alice, "http://example.com", policies)), Is.EqualTo(SendOutcome.Relayed));
        Assert.That(told.Verdicts(alice), Is.Empty);
    }

    [Test]
    public void AQuestionThatViolatesAPolicyIsRefusedWithTheReasonAndMayBeRetried()
    {
        var policy = new BlockUrls(new Ladder(0, Consequence.Exile));
        var told = new Told(policies: new PoliciesByMode(new Dictionary<Mode, IReadOnlyList<Policy>> { [Mode.Question] = [policy] }));
        var asker = told.Join(ChatEntry.QuestionAsk);
        told.Drain(asker);

        Assert.That(told.Matchmaker.SubmitQuestion(asker.Id, "what about http://example.com?", out var refusedBy, out _), Is.EqualTo(SetupOutcome.Rejected));
        told.Take(told.Matchmaker.TakeEffects());
        Assert.That(refusedBy, Is.SameAs(policy));
        Assert.That(told.Texts(asker), Is.EqualTo(new[] { Notices.QuestionRefused(policy.Reason).English }));
        Assert.That(told.Verdicts(asker), Is.Empty, "refused, not sanctioned");
        Assert.That(asker.Question, Is.Null);
        Assert.That(told.Matchmaker.SubmitQuestion(asker.Id, "what about cats?", out _, out _), Is.EqualTo(SetupOutcome.Accepted));
    }

    private static (Told, Room, PoliciesByMode, Person Sender, Person Partner) APair(Policy policy)
    {
        var policies = new PoliciesByMode(new Dictionary<Mode, IReadOnlyList<Policy>> { [Mode.Two] = [policy] });
        var told = new Told(policies: policies);
        var sender = told.Join(ChatEntry.Two);
        var partner = told.Join(ChatEntry.Two);
        told.Drain(sender);
        told.Drain(partner);
        return (told, sender.Room!, policies, sender, partner);
    }
}
