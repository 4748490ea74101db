using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.People;

public static class ChatEntryModes
{
    /// <summary>The mode of the room a page leads to; null for "any" mode, whose room is whichever forms first.</summary>
    public static Mode? Mode(this ChatEntry entry) => entry switch
    {
        ChatEntry.Two => Rooms.Mode.Two,
        ChatEntry.Three => Rooms.Mode.Three,
        ChatEntry.QuestionAsk or ChatEntry.QuestionDiscuss => Rooms.Mode.Question,
        ChatEntry.Global => Rooms.Mode.Global,
        _ => null,
    };
}
