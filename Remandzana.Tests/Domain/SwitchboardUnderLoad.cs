using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Switchboards;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

/// <summary>Thousands of people joining, talking and leaving from many threads at once.</summary>
[Category("Domain")]
[NonParallelizable]
public sealed class SwitchboardUnderLoad
{
    private static readonly ChatEntry[] Entries = Enum.GetValues<ChatEntry>();

    [TestCase(new[] { ChatEntry.Two }, 10_000)]
    [TestCase(new[] { ChatEntry.Two, ChatEntry.Three, ChatEntry.QuestionAsk, ChatEntry.QuestionDiscuss, ChatEntry.Global, ChatEntry.Any }, 12_000)]
    public void NobodyIsEverInTwoRoomsAndEveryoneLeavesCleanly(ChatEntry[] entries, int people) =>
        Run(Switchboards.New(mailboxCapacity: 4096), entries, people, _ => null, () => { });

    /// <summary>
    /// The same with languages and interests, while the clock runs and the waits of some run out
    /// (their matches retried from another thread): a person in "any" mode with interests still
    /// enters exactly one room.
    /// </summary>
    [TestCase(new[] { ChatEntry.Any }, 6_000)]
    [TestCase(new[] { ChatEntry.Two, ChatEntry.Three, ChatEntry.QuestionAsk, ChatEntry.QuestionDiscuss, ChatEntry.Any }, 10_000)]
    public void WithInterestsAndRunningOutWaitsNobodyIsEverInTwoRooms(ChatEntry[] entries, int people)
    {
        string[] tags = ["music", "chess", "go", "films", "cats", "space"];
        string[] languages = ["en", "es", "ar"];
        var clock = new FakeTimeProvider();
        var switchboard = new Switchboard(new SwitchboardSettings(4096, PreferenceWait: TimeSpan.FromSeconds(10)), clock, new Random(1));
        Run(
            switchboard,
            entries,
            people,
            i => new Preferences(languages[i % languages.Length], Interests.Parse(i % 4 == 0 ? "" : $"{tags[i % tags.Length]},{tags[(i / 7) % tags.Length]}")),
            () =>
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                switchboard.Retry();
            });
    }

    private static void Run(Switchboard switchboard, ChatEntry[] entries, int people, Func<int, Preferences?> preferences, Action meanwhile)
    {
        var rooms = new ConcurrentQueue<(Room Room, Person[] Members)>();
        switchboard.RoomFormed += room => rooms.Enqueue((room, room.Members.Select(member => member.Person).ToArray()));
        var stillHere = new ConcurrentQueue<Person>();

        Parallel.For(0, people, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var random = new Random(i);
            if (i % 50 == 0)
            {
                meanwhile();
            }

            var person = switchboard.Join(entries[i % entries.Length], preferences(i)) ?? throw new AssertionException("refused");
            if (person.Role == Role.Asker)
            {
                switchboard.SubmitQuestion(person.Id, $"question {i}");
            }

            switchboard.Send(person.Id, $"hello from {i}");
            if (random.Next(3) == 0)
            {
                switchboard.Leave(person.Id);
            }
            else
            {
                stillHere.Enqueue(person);
            }
        });

        Parallel.ForEach(stillHere, new ParallelOptions { MaxDegreeOfParallelism = 8 }, person => switchboard.Leave(person.Id));

        var seen = new HashSet<Person>();
        foreach (var (room, members) in rooms)
        {
            foreach (var member in members)
            {
                Assert.That(seen.Add(member), Is.True, $"{member.Id} was admitted to a second room ({room.Id})");
            }

            var expected = room.Mode switch
            {
                Mode.Two => (Talkers: 2, Askers: 0),
                Mode.Three => (Talkers: 3, Askers: 0),
                Mode.Question => (Talkers: 2, Askers: 1),
                _ => (Talkers: 1, Askers: 0),
            };
            Assert.That(members.Count(person => person.Role == Role.Talker), Is.EqualTo(expected.Talkers), $"{room.Id} ({room.Mode})");
            Assert.That(members.Count(person => person.Role == Role.Asker), Is.EqualTo(expected.Askers), $"{room.Id} ({room.Mode})");
        }

        Assert.Multiple(() =>
        {
            Assert.That(rooms, Is.Not.Empty);
            Assert.That(switchboard.Count, Is.Zero);
            Assert.That(switchboard.Inspect(board => board.Rooms.Count), Is.Zero, "every room was over or empty, so none is listed");
            Assert.That(switchboard.Global, Is.Null, "the global room is forgotten once empty");
            foreach (var lobby in switchboard.Lobbies)
            {
                Assert.That(lobby.Waiting, Is.Empty, $"{lobby.Mode} lobby");
            }
        });
    }
}
