using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.Lobbies;

/// <summary>One asker whose question is submitted, plus two discussers.</summary>
public sealed class QuestionLobby : Lobby
{
    private static readonly Dictionary<Role, int> Needs = new() { [Role.Asker] = 1, [Role.Talker] = 2 };

    public override Mode Mode => Mode.Question;

    public override IReadOnlyDictionary<Role, int> RoomNeeds => Needs;

    public override bool IsReady(Person person) => person.Role != Role.Asker || person.Question is not null;

    public override Notice WaitingNotice(Person person) =>
        person.Role == Role.Asker ? Notices.AskForQuestion : Notices.LookingForQuestion;
}
