using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;

namespace Remandzana.Tests.Domain;

/// <summary>Leaving a room, as a room's grain drives it: what each member is told, and when nothing more is said.</summary>
[Category("Domain")]
public sealed class Departures
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A sink that keeps whatever it is given, even after it was closed (a grain's outbox does).</summary>
    private sealed class Recording : ILineSink
    {
        public List<string> Lines { get; } = [];

        public bool Closed { get; private set; }

        public bool Post(Line line)
        {
            Lines.Add(line is SystemLine notice ? notice.Text : line.ToString()!);
            return true;
        }

        public void Close() => Closed = true;
    }

    [Test]
    public void WhenOneOfTwoLeavesBothAreReleasedAndLaterDeparturesSayNothing()
    {
        var (first, second) = (new Recording(), new Recording());
        var alice = new Person(new PersonId("a"), Role.Talker, ChatEntry.Two, Now, first);
        var bob = new Person(new PersonId("b"), Role.Talker, ChatEntry.Two, Now, second);
        var room = new Formation(Mode.Two, [alice, bob]).Open("room", Now);

        Assert.That(room.Depart(alice), Is.EqualTo(new[] { alice, bob }), "the conversation is over for Bob too");
        var bobSaw = second.Lines.ToList();

        Assert.That(room.Depart(bob), Is.Empty, "Bob was released already");
        Assert.That(room.Depart(alice), Is.Empty, "and Alice left already");
        Assert.Multiple(() =>
        {
            Assert.That(bobSaw, Is.EqualTo(new[] { Notices.FoundStranger, Notices.StrangerLeft, Notices.ConversationOver }));
            Assert.That(second.Lines, Is.EqualTo(bobSaw), "nothing more after the end");
            Assert.That(first.Lines, Is.EqualTo(new[] { Notices.FoundStranger }));
            Assert.That(first.Closed && second.Closed, Is.True);
            Assert.That(room.IsFinished, Is.True);
        });
    }
}
