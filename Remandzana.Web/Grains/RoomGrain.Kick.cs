using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Web.Cluster;

namespace Remandzana.Web.Grains;

public sealed partial class RoomGrain
{
    public Task<KickedPerson[]> Remove(string[] personIds, string message) =>
        Gone()
            ? Task.FromResult<KickedPerson[]>([])
            : Removed([.. personIds.Select(id => _members.TryGetValue(id, out var member) ? member.Person : null).OfType<Person>()], message);

    public Task<KickedPerson[]> RemoveNicknamed(string nickname, string message) =>
        Gone() || _room is not GlobalRoom global
            ? Task.FromResult<KickedPerson[]>([])
            : Removed(global.Nicknamed(nickname), message);

    private async Task<KickedPerson[]> Removed(IReadOnlyList<Person> people, string message)
    {
        var notice = Notices.RemovedByOperator(message);
        var removed = new List<KickedPerson>();
        foreach (var person in people)
        {
            // Read before the removal: whoever leaves is forgotten here when the turn is carried.
            var kicked = new KickedPerson(person.Nickname?.Value ?? "Stranger", _members[person.Id.Value].Arrival.Origin);
            if (_room!.Remove(person, notice))
            {
                removed.Add(kicked);
            }
        }

        if (removed.Count > 0)
        {
            await Settle();
        }

        return [.. removed];
    }
}
