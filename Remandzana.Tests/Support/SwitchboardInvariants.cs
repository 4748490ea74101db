using Remandzana.Web.Debug;

namespace Remandzana.Tests.Support;

/// <summary>What must hold of the whole switchboard at any instant, checked on a /debug snapshot.</summary>
public static class SwitchboardInvariants
{
    private static readonly Dictionary<string, (int Talkers, int Askers)> Needs = new() { ["Two"] = (2, 0), ["Three"] = (3, 0), ["Question"] = (2, 1) };

    public static void Hold(DebugSnapshot snapshot)
    {
        var memberships = snapshot.Rooms.SelectMany(room => room.Members.Select(member => (Person: member.Id, Room: room.Id))).ToList();
        var waiting = snapshot.Lobbies.SelectMany(lobby => lobby.Waiting).ToHashSet();
        var people = snapshot.People.ToDictionary(person => person.Id);
        Assert.Multiple(() =>
        {
            Assert.That(memberships.GroupBy(pair => pair.Person).Where(group => group.Count() > 1).Select(group => group.Key), Is.Empty, "nobody is in two rooms");
            Assert.That(memberships.Select(pair => pair.Person).Where(waiting.Contains), Is.Empty, "nobody in a room still waits in a lobby");
            foreach (var room in snapshot.Rooms.Where(room => room.Mode != "Global"))
            {
                var (talkers, askers) = Needs[room.Mode];
                Assert.That(room.Members.Count(member => member.Role == "Talker"), Is.EqualTo(talkers), $"talkers in {room.Mode} room {room.Id}");
                Assert.That(room.Members.Count(member => member.Role == "Asker"), Is.EqualTo(askers), $"askers in {room.Mode} room {room.Id}");
                foreach (var role in room.Members.GroupBy(member => member.Role))
                {
                    Assert.That(role.Select(member => member.Index).Order(), Is.EqualTo(Enumerable.Range(0, role.Count())), $"{role.Key} indices in room {room.Id}");
                }
            }

            Assert.That(snapshot.Rooms.Count(room => room.Mode == "Global"), Is.LessThanOrEqualTo(1), "at most one global room");
            foreach (var person in snapshot.People)
            {
                var rooms = memberships.Where(pair => pair.Person == person.Id).Select(pair => pair.Room).ToList();
                Assert.That(person.Room is null ? [] : new[] { person.Room }, Is.EqualTo(rooms), $"{person.Id}'s room agrees with the rooms' member lists");
            }

            var lobbies = snapshot.Lobbies.ToDictionary(lobby => lobby.Mode, lobby => lobby.Waiting.Select(id => people[id]).ToList());
            Assert.That(lobbies["Two"], Has.Count.LessThan(2), "no two people wait for each other in /two");
            Assert.That(lobbies["Three"], Has.Count.LessThan(3), "no three people wait for each other in /three");
            var ready = lobbies["Question"].Count(person => person.Role == "Asker" && person.QuestionSet);
            var discussers = lobbies["Question"].Count(person => person.Role == "Talker");
            Assert.That(ready > 0 && discussers >= 2, Is.False, $"no question room left unformed ({ready} ready askers, {discussers} discussers)");
        });
    }
}
