using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

/// <summary>
/// Thousands of people joining, talking and leaving, one call at a time as the matchmaking grain
/// and the room grains take them: nobody is ever in two rooms, nobody waits in a lobby while in a
/// room, every room has its mode's members, and when everyone has gone nothing is left waiting.
/// </summary>
[Category("Domain")]
public sealed class MatchmakerUnderLoad
{
    [TestCase(new[] { ChatEntry.Two }, 10_000)]
    [TestCase(new[] { ChatEntry.Two, ChatEntry.Three, ChatEntry.QuestionAsk, ChatEntry.QuestionDiscuss, ChatEntry.Any }, 12_000)]
    public void NobodyIsEverInTwoRoomsAndEveryoneLeavesCleanly(ChatEntry[] entries, int people) =>
        Run(new Told(), entries, people, _ => null);

    /// <summary>
    /// The same with languages and interests, while the clock runs and the waits of some run out
    /// (the grain's timer retries their match between arrivals): a person in "any" mode with
    /// interests still enters exactly one room.
    /// </summary>
    [TestCase(new[] { ChatEntry.Any }, 6_000)]
    [TestCase(new[] { ChatEntry.Two, ChatEntry.Three, ChatEntry.QuestionAsk, ChatEntry.QuestionDiscuss, ChatEntry.Any }, 10_000)]
    public void WithInterestsAndRunningOutWaitsNobodyIsEverInTwoRooms(ChatEntry[] entries, int people)
    {
        string[] tags = ["music", "chess", "go", "films", "cats", "space"];
        string[] languages = ["en", "es", "ar"];
        Run(
            new Told(preferenceWait: TimeSpan.FromSeconds(10)),
            entries,
            people,
            i => new Preferences(languages[i % languages.Length], Interests.Parse(i % 4 == 0 ? "" : $"{tags[i % tags.Length]},{tags[(i / 7) % tags.Length]}")));
    }

    private static void Run(Told told, ChatEntry[] entries, int count, Func<int, Preferences?> preferences)
    {
        var matchmaker = told.Matchmaker;
        var random = new Random(count);
        var formed = new List<(Room Room, Person[] Members)>();
        var everyone = new List<Person>();
        var stillHere = new List<Person>();
        GlobalRoom? global = null;

        void Open(IReadOnlyList<Formation> formations) =>
            formed.AddRange(told.Open(formations).Select(room => (room, room.Members.Select(member => member.Person).ToArray())));

        void Leave(Person person)
        {
            if (person.Room is { } room)
            {
                room.Depart(person);
                told.After(room);
            }
            else
            {
                matchmaker.Leave(person.Id);
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (i % 50 == 0)
            {
                told.Clock.Advance(TimeSpan.FromSeconds(1));
                Open(matchmaker.Retry());
            }

            if (i % 500 == 0)
            {
                EveryoneIsInOneLobbyOrOneRoomAtMost(matchmaker, everyone);
            }

            var person = told.Newcomer(entries[i % entries.Length], preferences(i));
            everyone.Add(person);
            if (person.Entry == ChatEntry.Global)
            {
                global = global is { IsFinished: false } ? global : new GlobalRoom($"global-{i}", told.Clock.GetUtcNow());
                global.Welcome(person);
                told.After(global);
            }
            else
            {
                Open(matchmaker.Join(person));
            }

            if (person.Role == Role.Asker)
            {
                matchmaker.SubmitQuestion(person.Id, $"question {i}", out _, out var completed);
                Open(completed);
            }
            else if (person.Room is { } room)
            {
                Assert.That(told.After(room, room.Receive(person, $"hello from {i}", PoliciesByMode.None)), Is.EqualTo(SendOutcome.Relayed));
            }

            if (random.Next(3) == 0)
            {
                Leave(person);
            }
            else
            {
                stillHere.Add(person);
            }
        }

        EveryoneIsInOneLobbyOrOneRoomAtMost(matchmaker, everyone);
        foreach (var person in stillHere.OrderBy(_ => random.Next()))
        {
            Leave(person);
        }

        var seen = new HashSet<Person>();
        foreach (var (room, members) in formed)
        {
            foreach (var member in members)
            {
                Assert.That(seen.Add(member), Is.True, $"{member.Id} was admitted to a second room ({room.Id})");
            }

            var expected = room.Mode switch
            {
                Mode.Two => (Talkers: 2, Askers: 0),
                Mode.Three => (Talkers: 3, Askers: 0),
                _ => (Talkers: 2, Askers: 1),
            };
            Assert.That(members.Count(person => person.Role == Role.Talker), Is.EqualTo(expected.Talkers), $"{room.Id} ({room.Mode})");
            Assert.That(members.Count(person => person.Role == Role.Asker), Is.EqualTo(expected.Askers), $"{room.Id} ({room.Mode})");
        }

        Assert.Multiple(() =>
        {
            Assert.That(formed, Is.Not.Empty);
            Assert.That(everyone.Where(person => !person.IsGone), Is.Empty, "everyone left for good");
            Assert.That(formed.Where(room => !room.Room.IsFinished), Is.Empty, "every room is over or empty");
            Assert.That(global?.IsFinished ?? true, Is.True, "the global room is empty");
            Assert.That(matchmaker.Waiting, Is.Empty);
            Assert.That(matchmaker.NextDeadline, Is.Null);
            foreach (var lobby in matchmaker.Lobbies)
            {
                Assert.That(lobby.Waiting, Is.Empty, $"{lobby.Mode} lobby");
            }
        });
    }

    /// <summary>Checked between turns, as anyone could look: a person waits in their lobbies, or talks in one room, or is gone.</summary>
    private static void EveryoneIsInOneLobbyOrOneRoomAtMost(Matchmaker matchmaker, List<Person> everyone)
    {
        var waiting = matchmaker.Lobbies.SelectMany(lobby => lobby.Waiting).ToHashSet();
        var seated = everyone.Select(person => person.Room).OfType<Room>().Distinct()
            .SelectMany(room => room.Members.Select(member => (room, member.Person))).ToHashSet();
        var misplaced = everyone.Where(person => person.IsGone || person.Room is not null
            ? person.Lobbies.Count > 0 || matchmaker.Find(person.Id) is not null || !(person.IsGone || seated.Contains((person.Room!, person)))
            : person.Lobbies.Count != (person.Entry == ChatEntry.Any ? 3 : 1) || !waiting.Contains(person) || matchmaker.Find(person.Id) != person);

        Assert.That(misplaced.Select(person => $"{person.Id} ({person.Entry}, in {person.Lobbies.Count} lobbies, room {person.Room?.Id ?? "none"})"), Is.Empty);
        Assert.That(waiting, Has.Count.EqualTo(matchmaker.Waiting.Count), "someone waits in a lobby whom the matchmaker does not hold");
    }
}
