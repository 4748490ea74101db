using Remandzana.Domain.Messages;
namespace Remandzana.Domain.Matching;

public enum SetupOutcome
{
    /// <summary>The question is set; the asker is ready and may only watch.</summary>
    Accepted,

    Empty,

    TooLong,

    /// <summary>Unknown or departed person: the chat has ended.</summary>
    Departed,

    /// <summary>Not an asker, or the question was already set.</summary>
    NotAllowed,

    /// <summary>A moderation policy refused the question; the asker was told why and may try again.</summary>
    Rejected,
}
