using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Switchboards;
using Remandzana.Web.Debug;

namespace Remandzana.Web.Switchboards;

/// <summary>
/// The one entry point the web layer calls: everyone connected and the four lobbies. In memory
/// for one process (the default), or shared through Redis by several instances. A method that
/// cannot reach the shared state throws <see cref="SwitchboardUnavailableException"/>.
/// </summary>
public interface IChatSwitchboard
{
    /// <summary>False while the shared state cannot be reached (calls would throw <see cref="SwitchboardUnavailableException"/>).</summary>
    bool IsAvailable { get; }

    /// <summary>The moderation policies each mode applies to messages and questions.</summary>
    PoliciesByMode Policies { get; }

    /// <returns>The new person, whose mailbox this instance's stream reads; null when the server is stopping.</returns>
    ValueTask<Person?> Join(ChatEntry entry);

    ValueTask<SendResult> Send(PersonId id, string? text);

    ValueTask<SetupResult> SubmitQuestion(PersonId id, string? question);

    /// <summary>Removes a person from every lobby and room and tells the others; does nothing the second time.</summary>
    ValueTask Leave(PersonId id, LeaveReason reason);

    /// <summary>Where a newcomer to question mode is needed (the side short of its share, or a fair coin).</summary>
    ValueTask<QuestionSide> SuggestQuestionSide();

    /// <summary>Everyone, every lobby and every room, across every instance.</summary>
    ValueTask<DebugSnapshot> Snapshot();

    /// <summary>Tells everyone this instance serves that the server is stopping and ends their streams.</summary>
    ValueTask Stop();
}
