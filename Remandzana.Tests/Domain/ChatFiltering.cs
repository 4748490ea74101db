using System.Text.RegularExpressions;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class ChatFiltering
{
    [Test]
    public void ASuppressingWordStopsTheMessageAndTellsTheSenderAsAPolicyWould()
    {
        var (told, room, sender, partner) = APair();

        var outcome = told.After(room, room.Receive(sender, "well darn it", PoliciesByMode.None, filters: Filters(Word("darn", FilterAction.Suppress))));

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(SendOutcome.Suppressed));
            Assert.That(told.Texts(partner), Is.Empty, "the partner reads nothing");
            Assert.That(told.Texts(sender), Is.EqualTo(new[] { Notices.Suppressed(ChatFilters.SuppressReason).English }));
            Assert.That(told.Released(sender), Is.False, "the sender stays");
        });
    }

    [Test]
    public void AReplacingWordChangesWhatEveryoneReads()
    {
        var filters = Filters(Word("darn", FilterAction.Replace, "****"));
        var (told, room, sender, partner) = APair();

        var outcome = told.After(room, room.Receive(sender, "Darn, DARN and darned", PoliciesByMode.None, filters: filters));

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(SendOutcome.Relayed));
            Assert.That(told.Texts(partner), Is.EqualTo(new[] { "Stranger: ****, **** and ****ed" }));
            Assert.That(told.Texts(sender), Is.EqualTo(new[] { "You: ****, **** and ****ed" }), "the sender sees what was relayed");
        });
    }

    [Test]
    public void AKickingWordEndsTheSendersConversationAndThePartnerIsToldTheyLeft()
    {
        var filters = Filters(Word("darn", FilterAction.Kick));
        var (told, room, sender, partner) = APair();

        var outcome = told.After(room, room.Receive(sender, "darn", PoliciesByMode.None, filters: filters));

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(SendOutcome.Kicked));
            Assert.That(told.Texts(sender), Does.Contain(Notices.Kicked(ChatFilters.KickReason).English));
            Assert.That(told.Released(sender), Is.True);
            Assert.That(told.Texts(partner).First(), Is.EqualTo(Notices.StrangerLeft), "the usual line");
            Assert.That(told.Verdicts(sender).Single().Sanction, Is.EqualTo(Sanction.Kick));
        });
    }

    [Test]
    public void AFilterActsOnlyInItsOwnMode()
    {
        var filters = Filters(Word("darn", FilterAction.Suppress) with { Mode = Mode.Global });
        var (told, room, sender, partner) = APair();

        Assert.That(told.After(room, room.Receive(sender, "darn", PoliciesByMode.None, filters: filters)), Is.EqualTo(SendOutcome.Relayed));
        Assert.That(told.Texts(partner), Is.EqualTo(new[] { "Stranger: darn" }));
    }

    [TestCase("d\u200Barn", TestName = "a zero-width space inside")]
    [TestCase("d\u00ADa\u2060r\uFE0Fn", TestName = "a soft hyphen, a word joiner and a variation selector")]
    [TestCase("DaRn", TestName = "another case")]
    [TestCase("\u0501\u0430rn", TestName = "Cyrillic look-alike letters")]
    [TestCase("\uFF44\uFF41\uFF52\uFF4E", TestName = "full-width letters")]
    [TestCase("d\u0301a\u0308rn", TestName = "combining marks sprinkled over it")]
    [TestCase("\U0001D41D\U0001D41A\U0001D42B\U0001D427", TestName = "mathematical bold letters")]
    [TestCase("so d\u200Dа\u200Brn it", TestName = "mixed tricks inside a sentence")]
    public void AWordIsFoundThroughTheTricksThatHideItFromOtherPolicies(string hidden)
    {
        var filters = Filters(Word("darn", FilterAction.Suppress));

        Assert.That(filters.Apply(Mode.Two, hidden).Action, Is.EqualTo(FilterAction.Suppress));
    }

    [Test]
    public void AWordWrittenWithLookAlikesCatchesThePlainSpellingToo() =>
        Assert.That(Filters(Word("Dаrn", FilterAction.Suppress)).Apply(Mode.Two, "darn").Action, Is.EqualTo(FilterAction.Suppress));

    [Test]
    public void AReplacementCoversTheInvisibleCharactersInsideTheMatchAndKeepsTheRest()
    {
        var filters = Filters(Word("darn", FilterAction.Replace, "[…]"));

        Assert.That(filters.Apply(Mode.Two, "ｏｈ d\u200Bаrn!").Text, Is.EqualTo("ｏｈ […]!"));
    }

    [Test]
    public void ALoneSurrogateKeepsTheReplacementInItsPlace() =>
        Assert.That(Filters(Word("darn", FilterAction.Replace, "****")).Apply(Mode.Two, "x\uD800 darn!").Text, Is.EqualTo("x\uD800 ****!"));

    [Test]
    public void APatternRunsCaseInsensitivelyOnTheTextAsWrittenAndAsFolded()
    {
        var filters = Filters(Pattern(@"b[a4]d\s*word", FilterAction.Suppress));

        Assert.Multiple(() =>
        {
            Assert.That(filters.Apply(Mode.Two, "a B4D  WORD here").Action, Is.EqualTo(FilterAction.Suppress));
            Assert.That(filters.Apply(Mode.Two, "a b\u200Bаd word").Action, Is.EqualTo(FilterAction.Suppress), "invisible and look-alike");
            Assert.That(filters.Apply(Mode.Two, "a good word").Action, Is.Null);
        });
    }

    [Test]
    public void AKickWinsOverASuppressionAndASuppressionOverAReplacement()
    {
        var filters = Filters(Word("one", FilterAction.Replace, "1"), Word("two", FilterAction.Suppress), Word("three", FilterAction.Kick));

        Assert.Multiple(() =>
        {
            Assert.That(filters.Apply(Mode.Two, "one two three").Action, Is.EqualTo(FilterAction.Kick));
            Assert.That(filters.Apply(Mode.Two, "one two").Action, Is.EqualTo(FilterAction.Suppress));
            Assert.That(filters.Apply(Mode.Two, "one one"), Is.EqualTo(new Filtered(FilterAction.Replace, "1 1")));
        });
    }

    [Test]
    public void OverlappingMatchesAreReplacedOnce()
    {
        var filters = Filters(Word("abc", FilterAction.Replace, "X"), Pattern("bcd", FilterAction.Replace, "Y"));

        Assert.That(filters.Apply(Mode.Two, "abcde").Text, Is.EqualTo("Xe"));
    }

    [Test]
    public void ACatastrophicBacktrackingPatternRunsInLinearTime()
    {
        var attack = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!";
        var filters = ChatFilters.None.TryAdd(Pattern("(a+)+$", FilterAction.Suppress), out var problem);

        Assert.That(problem, Is.Null);
        var filter = filters!.For(Mode.Two).Single();
        Assert.Multiple(() =>
        {
            Assert.That(filter.Pattern!.Options.HasFlag(RegexOptions.NonBacktracking), Is.True, "the engine that cannot backtrack");
            Assert.That(filter.Pattern.MatchTimeout, Is.EqualTo(Regex.InfiniteMatchTimeout), "no timeout needed: linear time");
            Assert.That(filters.Apply(Mode.Two, attack + attack + attack).Action, Is.Null, "answered, and '!' ends no run of a");
            Assert.That(filters.Apply(Mode.Two, attack + "aaa").Action, Is.EqualTo(FilterAction.Suppress));
        });
    }

    [TestCase(@"(a)\1", "backtracking")]
    [TestCase(@"(?=a)a", "backtracking")]
    [TestCase(@"(?>a+)b", "backtracking")]
    [TestCase("(unclosed", "not a valid regular expression")]
    [TestCase("[z-a]", "not a valid regular expression")]
    [TestCase("a*", "empty text")]
    [TestCase("   ", "Type the pattern")]
    public void APatternThatCannotBeAFilterIsRefusedWithAClearReason(string pattern, string reason)
    {
        Assert.That(ChatFilters.None.TryAdd(Pattern(pattern, FilterAction.Suppress), out var problem), Is.Null);
        Assert.That(problem, Does.Contain(reason));
    }

    [Test]
    public void ATooLongPatternIsRefused()
    {
        Assert.That(ChatFilters.None.TryAdd(Pattern(new string('a', FilterLimits.MaxTextLength + 1), FilterAction.Suppress), out var problem), Is.Null);
        Assert.That(problem, Does.Contain($"at most {FilterLimits.MaxTextLength} characters"));
        Assert.That(ChatFilters.None.TryAdd(Pattern(new string('a', FilterLimits.MaxTextLength), FilterAction.Suppress), out _), Is.Not.Null, "the limit itself is allowed");
    }

    [Test]
    public void AWordOfInvisibleCharactersOnlyIsRefused()
    {
        Assert.That(ChatFilters.None.TryAdd(Word("\u200B\u200D", FilterAction.Suppress), out var problem), Is.Null);
        Assert.That(problem, Does.Contain("cannot see"));
    }

    [Test]
    public void AReplaceFilterNeedsItsText()
    {
        Assert.That(ChatFilters.None.TryAdd(Word("darn", FilterAction.Replace, " "), out var problem), Is.Null);
        Assert.That(problem, Does.Contain("replaces a match"));
    }

    [Test]
    public void AModeHoldsAtMostTheLimitOfFiltersAndNoTwinOfOne()
    {
        var filters = ChatFilters.None;
        for (var i = 0; i < FilterLimits.MaxPerMode; i++)
        {
            filters = filters.TryAdd(Word($"w{i}", FilterAction.Suppress), out _)!;
        }

        Assert.Multiple(() =>
        {
            Assert.That(filters.TryAdd(Word("one more", FilterAction.Suppress), out var full), Is.Null);
            Assert.That(full, Does.Contain($"{FilterLimits.MaxPerMode} filters already"));
            Assert.That(filters.TryAdd(Word("one more", FilterAction.Suppress) with { Mode = Mode.Three }, out _), Is.Not.Null, "another mode has room");
            Assert.That(ChatFilters.None.TryAdd(Word("x", FilterAction.Kick), out _)!.TryAdd(Word("x", FilterAction.Suppress), out var twin), Is.Null);
            Assert.That(twin, Does.Contain("already"));
        });
    }

    [Test]
    public void RemovingAFilterLeavesTheOthers()
    {
        var first = Word("one", FilterAction.Suppress);
        var filters = Filters(first, Word("two", FilterAction.Suppress));

        var without = filters.Without(first.Id);

        Assert.That(without.Rules.Select(rule => rule.Text), Is.EqualTo(new[] { "two" }));
        Assert.That(without.Apply(Mode.Two, "one").Action, Is.Null);
    }

    [Test]
    public void TheOperatorRemovesSomeoneWhoReadsTheMessageAndThePartnerReadsTheUsualLine()
    {
        var (told, room, sender, partner) = APair();

        var removed = told.After(room, room.Remove(sender, Notices.RemovedByOperator("Be kind.")));

        Assert.Multiple(() =>
        {
            Assert.That(removed, Is.True);
            Assert.That(told.Texts(sender).First(), Is.EqualTo("The operator removed you from the conversation: Be kind."));
            Assert.That(told.Released(sender), Is.True);
            Assert.That(told.Texts(partner).First(), Is.EqualTo(Notices.StrangerLeft));
            Assert.That(room.Remove(sender, Notices.RemovedByOperator("again")), Is.False, "gone already");
        });
    }

    [Test]
    public void GlobalChatFindsMembersByTheNicknameAsShownInAnyCase()
    {
        var told = new Told();
        var room = new GlobalRoom("global", told.Clock.GetUtcNow());
        var named = told.Newcomer(ChatEntry.Global);
        var other = told.Newcomer(ChatEntry.Global);
        room.Welcome(named);
        room.Welcome(other);
        room.Receive(named, "/nick Mallory_1", PoliciesByMode.None);

        Assert.Multiple(() =>
        {
            Assert.That(room.Nicknamed(" mallory_1 "), Is.EqualTo(new[] { named }));
            Assert.That(room.Nicknamed("Mallory"), Is.Empty);
            Assert.That(room.Nicknamed("Anonymous"), Is.Empty, "nobody is kicked by the site's word for no nickname");
            Assert.That(room.Nicknamed("Mаllory_1"), Is.Empty, "a Cyrillic a is not the name shown");
        });
    }

    private static int _ids;

    private static FilterRule Word(string word, FilterAction action, string replacement = "") =>
        new($"f{Interlocked.Increment(ref _ids)}", Mode.Two, FilterKind.Word, word, action, replacement);

    private static FilterRule Pattern(string pattern, FilterAction action, string replacement = "") =>
        new($"f{Interlocked.Increment(ref _ids)}", Mode.Two, FilterKind.Pattern, pattern, action, replacement);

    private static ChatFilters Filters(params FilterRule[] rules) =>
        rules.Aggregate(ChatFilters.None, (filters, rule) => filters.TryAdd(rule, out var problem) ?? throw new InvalidOperationException(problem));

    private static (Told, Room, Person Sender, Person Partner) APair()
    {
        var told = new Told();
        var sender = told.Join(ChatEntry.Two);
        var partner = told.Join(ChatEntry.Two);
        told.Drain(sender);
        told.Drain(partner);
        return (told, sender.Room!, sender, partner);
    }
}
