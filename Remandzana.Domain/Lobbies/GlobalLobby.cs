using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.Lobbies;

/// <summary>One room kept open for everyone; a newcomer never waits.</summary>
public sealed class GlobalLobby : Lobby
{
    private static readonly Dictionary<Role, int> Needs = new() { [Role.Talker] = 1 };

    public override Mode Mode => Mode.Global;

    public override IReadOnlyDictionary<Role, int> RoomNeeds => Needs;

    public override bool KeepsRoomsOpen => true;

    public override string? WaitingNotice(Person person) => null;

    protected override Room CreateRoom(string id, DateTimeOffset now, IReadOnlyList<Person> members) => new GlobalRoom(id, now);
}
