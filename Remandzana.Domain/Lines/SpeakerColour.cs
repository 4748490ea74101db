namespace Remandzana.Domain.Lines;

public enum SpeakerColour
{
    You,
    Stranger,
    Alice,
    Bob,
    Charlie,
    Anonymous,
    Nicknamed,
}
