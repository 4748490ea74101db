using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.Lobbies;

public sealed class TwoLobby : Lobby
{
    private static readonly Dictionary<Role, int> Needs = new() { [Role.Talker] = 2 };

    public override Mode Mode => Mode.Two;

    public override IReadOnlyDictionary<Role, int> RoomNeeds => Needs;

    public override Notice WaitingNotice(Person person) => Notices.LookingForStranger;
}
