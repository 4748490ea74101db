using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

/// <summary>People who share an interest meet first; after the wait anyone will do, and they are told.</summary>
[Category("Domain")]
public sealed class SharedInterests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private Told _told = null!;

    [SetUp]
    public void NewMatchmaker() => _told = new Told(preferenceWait: Wait);

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
            Assert.That(_told.Texts(music), Does.Contain(Notices.YouBothLike(["music"]).English));
            Assert.That(_told.Texts(alsoMusic), Does.Contain("You both like music."));
        });
    }

    [Test]
    public void AmongThoseWhoShareOneTheEarliestComesFirst()
    {
        var first = Join(ChatEntry.Two, "en", "music");
        _told.Clock.Advance(TimeSpan.FromSeconds(1));
        var newcomer = Join(ChatEntry.Two, "en", "music");

        Assert.That(newcomer.Room!.Members.Select(member => member.Person), Is.EqualTo(new[] { first, newcomer }));
    }

    [Test]
    public void AfterTheWaitAnyoneWillDoAndThePersonIsTold()
    {
        var music = Join(ChatEntry.Two, "en", "music");
        var plain = Join(ChatEntry.Two, "en");
        _told.Drain(music);

        _told.Clock.Advance(Wait - TimeSpan.FromSeconds(1));
        _told.Open(_told.Matchmaker.Retry());
        Assert.That(music.Room, Is.Null, "still waiting for someone who likes music");

        Assert.That(_told.Matchmaker.NextDeadline, Is.EqualTo(music.JoinedAt + Wait));
        _told.Clock.Advance(TimeSpan.FromSeconds(1));
        _told.Open(_told.Matchmaker.Retry());

        Assert.Multiple(() =>
        {
            Assert.That(music.Room, Is.Not.Null.And.SameAs(plain.Room));
            Assert.That(_told.Texts(music), Is.EqualTo(new[] { Notices.NoSharedInterests, Notices.FoundStranger }));
            Assert.That(_told.Texts(plain), Has.None.Contains("like"));
            Assert.That(_told.Matchmaker.NextDeadline, Is.Null);
        });
    }

    [Test]
    public void WhenTwoWaitsRunOutAtOnceTheOneWithInterestsIsToldBeforeTheyMeet()
    {
        var spanish = Join(ChatEntry.Two, "es");
        var chess = Join(ChatEntry.Two, "en", "chess");
        _told.Drain(chess);

        _told.Clock.Advance(Wait);
        _told.Open(_told.Matchmaker.Retry());

        Assert.Multiple(() =>
        {
            Assert.That(chess.Room, Is.Not.Null.And.SameAs(spanish.Room), "the earlier wait, processed first, found the other whose wait had also run out");
            Assert.That(_told.Texts(chess), Is.EqualTo(new[] { Notices.NoSharedInterests, Notices.FoundStranger }));
        });
    }

    [Test]
    public void NobodyIsToldTheyFellBackWhenTheyMetBeforeTheirWaitRanOut()
    {
        var music = Join(ChatEntry.Two, "en", "music");
        Join(ChatEntry.Two, "en", "music");

        _told.Clock.Advance(Wait);
        _told.Open(_told.Matchmaker.Retry());

        Assert.That(_told.Texts(music), Has.None.EqualTo(Notices.NoSharedInterests));
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
            Assert.That(_told.Texts(a), Does.Contain("Interests you share here: music, chess."));
            Assert.That(_told.Texts(b), Does.Contain("Interests you share here: music."));
            Assert.That(_told.Texts(c), Does.Contain("Interests you share here: chess, music."));
        });
    }

    [Test]
    public void AThirdStrangerWhoSharesNothingWaitsUntilSomeoneWillMeetThem()
    {
        Join(ChatEntry.Three, "en", "music");
        Join(ChatEntry.Three, "en", "music");
        var stamps = Join(ChatEntry.Three, "en", "stamps");

        Assert.That(stamps.Room, Is.Null);

        _told.Clock.Advance(Wait);
        _told.Open(_told.Matchmaker.Retry());

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
        _told.Drain(english);

        _told.Clock.Advance(Wait);
        _told.Open(_told.Matchmaker.Retry());

        Assert.Multiple(() =>
        {
            Assert.That(english.Room, Is.Not.Null.And.SameAs(spanish.Room));
            Assert.That(_told.Texts(english), Is.EqualTo(new[] { Notices.FoundStranger }));
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
            Assert.That(_told.Texts(any), Does.Contain("Interests you share here: chess."));
        });
    }

    [Test]
    public void AnAnyPersonWhoseWaitRunsOutEntersExactlyOneRoom()
    {
        var any = Join(ChatEntry.Any, "en", "chess");
        var two = Join(ChatEntry.Two, "en");
        Join(ChatEntry.Three, "en");
        Join(ChatEntry.Three, "en");

        _told.Clock.Advance(Wait);
        _told.Open(_told.Matchmaker.Retry());

        var rooms = _told.Rooms.Where(room => room.Members.Any(member => member.Person == any)).ToList();
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

        _told.Matchmaker.SubmitQuestion(asker.Id, "Is time real?", out _, out var formed);
        _told.Open(formed);

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
        _told.Join(entry, new Preferences(language, Interests.Parse(interests)));
}
