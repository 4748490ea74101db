using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Matching;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

/// <summary>
/// "Don't match me with them again": two origins one of whom asked are kept apart for a time, in
/// every lobby, while anyone else meets either of them.
/// </summary>
[Category("Domain")]
public sealed class AvoidingAStranger
{
    private static readonly Origin A = new("address:10.0.0.1");
    private static readonly Origin B = new("address:10.0.0.2");
    private static readonly Origin C = new("pass:c");
    private static readonly Origin D = new("address:10.0.0.4");
    private static readonly Origin E = new("address:10.0.0.5");

    private static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    [Test]
    public void ARequestHoldsBothWaysAndNobodyElseIsKeptApart()
    {
        var avoid = new Avoidances(NewClock(), TimeSpan.FromHours(24));

        Assert.That(avoid.Add(A, B), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(avoid.Between(A, B), Is.True);
            Assert.That(avoid.Between(B, A), Is.True, "the one avoided never meets the one who asked either");
            Assert.That(avoid.Between(A, C), Is.False);
            Assert.That(avoid.Between(C, B), Is.False);
        });
    }

    [Test]
    public void ARequestRunsOutAfterItsTimeAndAskingAgainDoesNotProlongIt()
    {
        var clock = NewClock();
        var avoid = new Avoidances(clock, TimeSpan.FromHours(24));
        avoid.Add(A, B);
        clock.Advance(TimeSpan.FromHours(23));
        Assert.That(avoid.Add(A, B), Is.True, "a second press is harmless");
        Assert.That(avoid.Count, Is.EqualTo(1));

        clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        Assert.That(avoid.Between(B, A), Is.True);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(avoid.Between(B, A), Is.False);
        avoid.Add(C, D);
        Assert.That(avoid.Count, Is.EqualTo(1), "run-out requests are dropped, not kept");
    }

    [Test]
    public void EachOriginKeepsItsNewestRequestsAndNobodyElseCanPushThemOut()
    {
        var clock = NewClock();
        var avoid = new Avoidances(clock, TimeSpan.FromHours(24), maxPerOrigin: 2);
        avoid.Add(A, B);
        clock.Advance(TimeSpan.FromMinutes(1));
        avoid.Add(A, C);
        clock.Advance(TimeSpan.FromMinutes(1));
        // Others asking about A fill their own lists, not A's.
        avoid.Add(D, A);
        avoid.Add(E, A);
        Assert.That(avoid.Between(A, B), Is.True);

        avoid.Add(A, D);

        Assert.Multiple(() =>
        {
            Assert.That(avoid.Between(A, B), Is.False, "A's oldest request went");
            Assert.That(avoid.Between(A, C), Is.True);
            Assert.That(avoid.Between(A, D), Is.True);
            Assert.That(avoid.Between(E, A), Is.True);
        });
    }

    [Test]
    public void TheWholeSetIsBoundedOldestFirst()
    {
        var avoid = new Avoidances(NewClock(), TimeSpan.FromHours(24), maxInAll: 2);
        avoid.Add(A, B);
        avoid.Add(C, D);
        avoid.Add(E, A);

        Assert.Multiple(() =>
        {
            Assert.That(avoid.Count, Is.EqualTo(2));
            Assert.That(avoid.Between(A, B), Is.False);
            Assert.That(avoid.Between(C, D), Is.True);
            Assert.That(avoid.Between(A, E), Is.True);
        });
    }

    [Test]
    public void AnUnknownOriginIsNeverKeptApart()
    {
        var avoid = new Avoidances(NewClock(), TimeSpan.FromHours(24));

        Assert.Multiple(() =>
        {
            Assert.That(avoid.Add(A, Origin.Unknown), Is.False, "it would keep A from everyone whose origin is unknown");
            Assert.That(avoid.Add(Origin.Unknown, A), Is.False);
            Assert.That(avoid.Count, Is.Zero);
            Assert.That(avoid.Between(Origin.Unknown, Origin.Unknown), Is.False);
        });
    }

    [Test]
    public void AStrangerBehindTheSameAddressIsKeptApartByKeepingThatAddressFromItself()
    {
        var told = new Told();
        var first = told.Join(ChatEntry.Two, origin: A);
        told.Join(ChatEntry.Two, origin: new Origin(A.Value));
        Assert.That(told.Matchmaker.AvoidLastCompany(first.Id), Is.Not.Null, "the promise holds");

        var again = told.Join(ChatEntry.Two, origin: A);
        var sameAddress = told.Join(ChatEntry.Two, origin: A);
        var elsewhere = told.Join(ChatEntry.Two, origin: B);

        Assert.That(again.Room, Is.Not.Null.And.SameAs(elsewhere.Room));
        Assert.That(sameAddress.Room, Is.Null);
    }

    [Test]
    public void WithoutAnyKnownOriginNothingChanges()
    {
        var told = new Told();
        var first = told.Join(ChatEntry.Two);
        told.Join(ChatEntry.Two);

        Assert.That(told.Matchmaker.AvoidLastCompany(first.Id), Is.Null);
        Assert.That(told.Avoidances.Count, Is.Zero);
    }

    [Test]
    public void TwoStrangersWhoAvoidEachOtherWaitWhileAThirdMeetsEitherOfThem()
    {
        var told = new Told();
        var first = told.Join(ChatEntry.Two, origin: A);
        told.Join(ChatEntry.Two, origin: B);

        var avoided = told.Matchmaker.AvoidLastCompany(first.Id);
        Assert.That(avoided, Is.EqualTo(new AvoidedCompany(ChatEntry.Two, 1)));
        Assert.That(told.Matchmaker.AvoidLastCompany(first.Id), Is.EqualTo(avoided), "a second press is harmless");

        var again = told.Join(ChatEntry.Two, origin: B);
        var avoider = told.Join(ChatEntry.Two, origin: A);
        Assert.That(again.Room, Is.Null);
        Assert.That(avoider.Room, Is.Null);

        var third = told.Join(ChatEntry.Two, origin: C);
        var fourth = told.Join(ChatEntry.Two, origin: D);
        Assert.Multiple(() =>
        {
            Assert.That(third.Room, Is.Not.Null.And.SameAs(again.Room), "the earliest waiting the third may meet");
            Assert.That(fourth.Room, Is.Not.Null.And.SameAs(avoider.Room));
        });
    }

    [Test]
    public void AfterTheirTimeTheyMeetAgain()
    {
        var told = new Told();
        var first = told.Join(ChatEntry.Two, origin: A);
        told.Join(ChatEntry.Two, origin: B);
        told.Matchmaker.AvoidLastCompany(first.Id);

        told.Clock.Advance(Told.AvoidFor);
        var again = told.Join(ChatEntry.Two, origin: A);
        told.Join(ChatEntry.Two, origin: B);

        Assert.That(again.Room, Is.Not.Null);
    }

    [Test]
    public void InAThreePersonRoomEveryoneElseIsAvoided()
    {
        var told = new Told();
        var asker = told.Join(ChatEntry.Three, origin: A);
        told.Join(ChatEntry.Three, origin: B);
        told.Join(ChatEntry.Three, origin: C);
        Assert.That(told.Matchmaker.AvoidLastCompany(asker.Id), Is.EqualTo(new AvoidedCompany(ChatEntry.Three, 2)));

        var a = told.Join(ChatEntry.Three, origin: A);
        var b = told.Join(ChatEntry.Three, origin: B);
        var d = told.Join(ChatEntry.Three, origin: D);
        Assert.That(d.Room, Is.Null, "A and B may not be picked together, and there is nobody else");
        var e = told.Join(ChatEntry.Three, origin: E);

        Assert.Multiple(() =>
        {
            Assert.That(e.Room, Is.Not.Null);
            Assert.That(e.Room!.Members.Select(member => member.Person), Is.EquivalentTo(new[] { a, d, e }));
            Assert.That(b.Room, Is.Null);
            Assert.That(told.Avoidances.Between(B, C), Is.False, "only the one who asked is kept from the others");
        });
    }

    [Test]
    public void InQuestionModeTheAskerAndADiscusserTheyAvoidNeverShareARoom()
    {
        var told = new Told();
        var asker = Ask(told, A, "first?");
        var b = told.Join(ChatEntry.QuestionDiscuss, origin: B);
        told.Join(ChatEntry.QuestionDiscuss, origin: C);
        Assert.That(asker.Room, Is.TypeOf<QuestionRoom>());
        // A discusser asks: the asker and the other discusser are "them".
        Assert.That(told.Matchmaker.AvoidLastCompany(b.Id), Is.EqualTo(new AvoidedCompany(ChatEntry.QuestionDiscuss, 2)));

        var askerAgain = Ask(told, A, "second?");
        var bAgain = told.Join(ChatEntry.QuestionDiscuss, origin: B);
        var d = told.Join(ChatEntry.QuestionDiscuss, origin: D);
        Assert.That(askerAgain.Room, Is.Null);
        var e = told.Join(ChatEntry.QuestionDiscuss, origin: E);

        Assert.Multiple(() =>
        {
            Assert.That(askerAgain.Room, Is.Not.Null);
            Assert.That(askerAgain.Room!.Members.Select(member => member.Person), Is.EquivalentTo(new[] { askerAgain, d, e }));
            Assert.That(bAgain.Room, Is.Null);
        });
    }

    [Test]
    public void InAnyModeThePairIsKeptApartInEveryLobby()
    {
        var told = new Told();
        var first = told.Join(ChatEntry.Any, origin: A);
        told.Join(ChatEntry.Two, origin: B);
        Assert.That(told.Matchmaker.AvoidLastCompany(first.Id), Is.EqualTo(new AvoidedCompany(ChatEntry.Any, 1)));

        var a = told.Join(ChatEntry.Any, origin: A);
        var b = told.Join(ChatEntry.Any, origin: B);
        Assert.That(a.Room ?? b.Room, Is.Null);
        var c = told.Join(ChatEntry.Any, origin: C);

        Assert.Multiple(() =>
        {
            Assert.That(c.Room, Is.Not.Null);
            Assert.That(c.Room!.Members.Count(member => member.Person == a || member.Person == b), Is.EqualTo(1));
        });
    }

    [Test]
    public void PeopleWhoShareAnInterestStillDoNotMeetWhenOneAvoidsTheOther()
    {
        var told = new Told();
        var music = new Preferences("en", Interests.Parse("music"));
        var first = told.Join(ChatEntry.Two, music, A);
        told.Join(ChatEntry.Two, music, B);
        told.Matchmaker.AvoidLastCompany(first.Id);

        var a = told.Join(ChatEntry.Two, music, A);
        var b = told.Join(ChatEntry.Two, music, B);
        Assert.That(a.Room ?? b.Room, Is.Null);
        told.Clock.Advance(TimeSpan.FromMinutes(1));
        told.Open(told.Matchmaker.Retry());
        Assert.That(a.Room ?? b.Room, Is.Null, "their waits ran out: they would meet anyone, but not each other");

        var c = told.Join(ChatEntry.Two, music, C);
        Assert.That(c.Room, Is.Not.Null.And.SameAs(a.Room));
    }

    [Test]
    public void WhomAPersonMetIsForgottenAfterItsTimeAndUnknownForGlobalChat()
    {
        var told = new Told();
        var first = told.Join(ChatEntry.Two, origin: A);
        told.Join(ChatEntry.Two, origin: B);
        var waiting = told.Join(ChatEntry.Two, origin: C);

        Assert.That(told.Matchmaker.RemembersLastCompany(waiting.Id), Is.False, "nobody met yet");
        Assert.That(told.Matchmaker.AvoidLastCompany(waiting.Id), Is.Null);
        told.Clock.Advance(Told.RememberMeetingsFor);
        Assert.That(told.Matchmaker.RemembersLastCompany(first.Id), Is.False);
        Assert.That(told.Matchmaker.AvoidLastCompany(first.Id), Is.Null);
        Assert.That(told.Avoidances.Count, Is.Zero);
    }

    [Test]
    public void OnlyTheNewestRoomsAreRemembered()
    {
        var clock = NewClock();
        var meetings = new Meetings(clock, TimeSpan.FromHours(1), maxRooms: 1);
        var first = new Person(PersonId.New(), Role.Talker, ChatEntry.Two, clock.GetUtcNow(), A);
        var second = new Person(PersonId.New(), Role.Talker, ChatEntry.Two, clock.GetUtcNow(), B);
        var third = new Person(PersonId.New(), Role.Talker, ChatEntry.Two, clock.GetUtcNow(), C);
        var fourth = new Person(PersonId.New(), Role.Talker, ChatEntry.Two, clock.GetUtcNow(), D);
        meetings.Remember(new Formation(Mode.Two, [first, second]));
        meetings.Remember(new Formation(Mode.Two, [third, fourth]));

        Assert.Multiple(() =>
        {
            Assert.That(meetings.Of(first.Id), Is.Null);
            Assert.That(meetings.Of(fourth.Id)!.Members.Select(member => member.Origin), Is.EqualTo(new[] { C, D }));
        });
    }

    private static Person Ask(Told told, Origin origin, string question)
    {
        var asker = told.Join(ChatEntry.QuestionAsk, origin: origin);
        told.Matchmaker.SubmitQuestion(asker.Id, question, out _, out var formed);
        told.Open(formed);
        return asker;
    }
}
