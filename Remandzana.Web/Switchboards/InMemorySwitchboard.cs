using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Switchboards;
using Remandzana.Web.Debug;

namespace Remandzana.Web.Switchboards;

/// <summary>The default: one process, everything in memory, every call completes at once.</summary>
public sealed class InMemorySwitchboard(Switchboard board) : IChatSwitchboard
{
    public Switchboard Board { get; } = board;

    public bool IsAvailable => true;

    public PoliciesByMode Policies => Board.Policies;

    public ValueTask<Person?> Join(ChatEntry entry) => ValueTask.FromResult(Board.Join(entry));

    public ValueTask<SendResult> Send(PersonId id, string? text)
    {
        var outcome = Board.Send(id, text, out var verdict);
        return ValueTask.FromResult(new SendResult(outcome, verdict));
    }

    public ValueTask<SetupResult> SubmitQuestion(PersonId id, string? question)
    {
        var outcome = Board.SubmitQuestion(id, question, out var refusedBy);
        return ValueTask.FromResult(new SetupResult(outcome, refusedBy));
    }

    public ValueTask Leave(PersonId id, LeaveReason reason)
    {
        Board.Leave(id, reason);
        return ValueTask.CompletedTask;
    }

    public ValueTask<QuestionSide> SuggestQuestionSide() => ValueTask.FromResult(Board.SuggestQuestionSide());

    public ValueTask<DebugSnapshot> Snapshot() => ValueTask.FromResult(Board.Inspect(DebugSnapshot.Of));

    public ValueTask Stop()
    {
        Board.Stop();
        return ValueTask.CompletedTask;
    }
}
