namespace Remandzana.Domain.Moderation;

/// <summary>
/// No advertising to strangers: the same text sent by one origin into more than a few rooms,
/// or by many origins into many rooms at once. Whether a message breaks it depends on what was
/// sent elsewhere, so <see cref="TextEchoes"/> decides and the room is told (<c>echoed</c>).
/// </summary>
public sealed class RepeatedText(Ladder ladder) : Policy(ladder)
{
    public const string PolicyName = "Repeated text";

    public override string Name => PolicyName;

    public override string Reason => "the same message has gone to too many strangers";

    /// <summary>One text alone never breaks it: see <see cref="TextEchoes.Observe"/>.</summary>
    public override bool IsViolatedBy(Reading message) => false;
}
