using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Switchboards;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

/// <summary>People who share an interest meet first; after the wait anyone will do, and they are told.</summary>
[Category("Domain")]
public sealed class SharedInterests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private FakeTimeProvider _clock = null!;
    private Switchboard _switchboard = null!;

    [SetUp]
    public void NewSwitchboard()
    {
        _clock = new FakeTimeProvider();
        _switchboard = new Switchboard(new SwitchboardSettings(PreferenceWait: Wait), _clock, new Random(1));
    }

    [Test]
    public void ASharedInterestBeatsAnEarlierArrival()
    {
        var early = Join(ChatEntry.Two, "en");
        var music = Join(ChatEntry.Two, "en", "music");
        var alsoMusic = Join(ChatEntry.Two, "en", "chess,music");

        Assert.Multiple(() =>
        {
            Assert.That(music.Room, Is.Not.Null.And.SameAs(alsoMusic.Room));
            Assert.That(early.Room, Is.Null);
            Assert.That(music.DrainTexts(), Does.Contain(Notices.YouBothLike(["music"]).English));
            Assert.That(alsoMusic.DrainTexts(), Does.Contain("You both like music."));
        });
    }

    [Test]
    public void AmongThoseWhoShareOneTheEarliestComesFirst()
    {
        var first = Join(ChatEntry.Two, "en", "music");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var newcomer = Join(ChatEntry.Two, "en", "music");

        Assert.That(newcomer.Room!.Members.Select(member => member.Person), Is.EqualTo(new[] { first, newcomer }));
    }

    [Test]
    public void AfterTheWaitAnyoneWillDoAndThePersonIsTold()
    {
        var music = Join(ChatEntry.Two, "en", "music");
        var plain = Join(ChatEntry.Two, "en");
        music.Drain();

        _clock.Advance(Wait - TimeSpan.FromSeconds(1));
        _switchboard.Retry();
        Assert.That(music.Room, Is.Null, "still waiting for someone who likes music");

        Assert.That(_switchboard.NextDeadline, Is.EqualTo(music.JoinedAt + Wait));
        _clock.Advance(TimeSpan.FromSeconds(1));
        _switchboard.Retry();

        Assert.Multiple(() =>
        {
            Assert.That(music.Room, Is.Not.Null.And.SameAs(plain.Room));
            Assert.That(music.DrainTexts(), Is.EqualTo(new[] { Notices.NoSharedInterests, Notices.FoundStranger }));
            Assert.That(plain.DrainTexts(), Has.None.Contains("like"));
            Assert.That(_switchboard.NextDeadline, Is.Null);
        });
    }

    [Test]
    public void WhenTwoWaitsRunOutAtOnceTheOneWithInterestsIsToldBeforeTheyMeet()
    {
        var spanish = Join(ChatEntry.Two, "es");
        var chess = Join(ChatEntry.Two, "en", "chess");
        chess.Drain();

        _clock.Advance(Wait);
        _switchboard.Retry();

        Assert.Multiple(() =>
        {
            Assert.That(chess.Room, Is.Not.Null.And.SameAs(spanish.Room), "the earlier wait, processed first, found the other whose wait had also run out");
            Assert.That(chess.DrainTexts(), Is.EqualTo(new[] { Notices.NoSharedInterests, Notices.FoundStranger }));
        });
    }

    [Test]
    public void NobodyIsToldTheyFellBackWhenTheyMetBeforeTheirWaitRanOut()
    {
        var music = Join(ChatEntry.Two, "en", "music");
        Join(ChatEntry.Two, "en", "music");

        _clock.Advance(Wait);
        _switchboard.Retry();

        Assert.That(music.DrainTexts(), Has.None.EqualTo(Notices.NoSharedInterests));
    }

    [Test]
    public void ThreeStrangersAreEachToldTheInterestsTheyShare()
    {
        var a = Join(ChatEntry.Three, "en", "music,chess");
        var b = Join(ChatEntry.Three, "en", "music");
        var c = Join(ChatEntry.Three, "en", "chess,music,go");

        Assert.Multiple(() =>
        {
            Assert.That(a.Room, Is.TypeOf<ThreeRoom>().And.SameAs(b.Room).And.SameAs(c.Room));
            Assert.That(a.DrainTexts(), Does.Contain("Interests you share here: music, chess."));
            Assert.That(b.DrainTexts(), Does.Contain("Interests you share here: music."));
            Assert.That(c.DrainTexts(), Does.Contain("Interests you share here: chess, music."));
        });
    }

    [Test]
    public void AThirdStrangerWhoSharesNothingWaitsUntilSomeoneWillMeetThem()
    {
        Join(ChatEntry.Three, "en", "music");
        Join(ChatEntry.Three, "en", "music");
        var stamps = Join(ChatEntry.Three, "en", "stamps");

        Assert.That(stamps.Room, Is.Null);

        _clock.Advance(Wait);
        _switchboard.Retry();

        Assert.That(stamps.Room, Is.TypeOf<ThreeRoom>());
    }

    [Test]
    public void PeopleOfOneLanguageMeetFirst()
    {
        var english = Join(ChatEntry.Two, "en");
        var spanish = Join(ChatEntry.Two, "es");
        var alsoSpanish = Join(ChatEntry.Two, "es");

        Assert.Multiple(() =>
        {
            Assert.That(spanish.Room, Is.Not.Null.And.SameAs(alsoSpanish.Room));
            Assert.That(english.Room, Is.Null);
        });
    }

    [Test]
    public void PeopleOfDifferentLanguagesMeetAfterTheWaitWithoutAnInterestsNotice()
    {
        var english = Join(ChatEntry.Two, "en");
        var spanish = Join(ChatEntry.Two, "es");
        english.Drain();

        _clock.Advance(Wait);
        _switchboard.Retry();

        Assert.Multiple(() =>
        {
            Assert.That(english.Room, Is.Not.Null.And.SameAs(spanish.Room));
            Assert.That(english.DrainTexts(), Is.EqualTo(new[] { Notices.FoundStranger }));
        });
    }

    [Test]
    public void AnAnyPersonWithInterestsJoinsTheRoomOfSomeoneWhoSharesThem()
    {
        var plainTwo = Join(ChatEntry.Two, "en");
        Join(ChatEntry.Three, "en", "chess");
        var chessThree = Join(ChatEntry.Three, "en", "chess");
        var any = Join(ChatEntry.Any, "en", "chess");

        Assert.Multiple(() =>
        {
            Assert.That(any.Room, Is.TypeOf<ThreeRoom>().And.SameAs(chessThree.Room));
            Assert.That(plainTwo.Room, Is.Null);
            Assert.That(any.Lobbies, Is.Empty);
            Assert.That(any.DrainTexts(), Does.Contain("Interests you share here: chess."));
        });
    }

    [Test]
    public void AnAnyPersonWhoseWaitRunsOutEntersExactlyOneRoom()
    {
        var any = Join(ChatEntry.Any, "en", "chess");
        var two = Join(ChatEntry.Two, "en");
        Join(ChatEntry.Three, "en");
        Join(ChatEntry.Three, "en");

        _clock.Advance(Wait);
        _switchboard.Retry();

        var rooms = _switchboard.Inspect(board => board.Rooms.Where(room => room.Members.Any(member => member.Person == any)).ToList());
        Assert.That(rooms, Has.Count.EqualTo(1));
        Assert.That(any.Lobbies, Is.Empty);
        Assert.That(two.Room ?? any.Room, Is.Not.Null);
    }

    [Test]
    public void AQuestionIsDiscussedFirstByPeopleWhoShareTheAskersInterest()
    {
        var asker = Join(ChatEntry.QuestionAsk, "en", "physics");
        var plain = Join(ChatEntry.QuestionDiscuss, "en");
        var physicsA = Join(ChatEntry.QuestionDiscuss, "en", "physics");
        var physicsB = Join(ChatEntry.QuestionDiscuss, "en", "physics,art");

        _switchboard.SubmitQuestion(asker.Id, "Is time real?");

        Assert.Multiple(() =>
        {
            Assert.That(asker.Room, Is.TypeOf<QuestionRoom>().And.SameAs(physicsA.Room).And.SameAs(physicsB.Room));
            Assert.That(plain.Room, Is.Null);
        });
    }

    [TestCase("Music, CHESS", "music,chess", true)]
    [TestCase("music,music,go", "music,go", true)]
    [TestCase("a,b,c,d,e,f", "a,b,c,d,e", false)]
    [TestCase("rock&roll,jazz", "jazz", false)]
    [TestCase("música;音乐", "música,音乐", true)]
    [TestCase("", "", true)]
    public void InterestsAreNormalisedAndCheckedAsTyped(string typed, string canonical, bool valid)
    {
        var ok = Interests.TryParse(typed, out var interests);

        Assert.That(interests.ToString(), Is.EqualTo(canonical));
        Assert.That(ok, Is.EqualTo(valid));
    }

    private Person Join(ChatEntry entry, string language, string interests = "") =>
        _switchboard.Join(entry, new Preferences(language, Interests.Parse(interests))) ?? throw new AssertionException("refused");
}
