using Remandzana.Domain.Lines;

namespace Remandzana.Domain.Rooms;

/// <summary>The names rooms give their members.</summary>
public static class Speakers
{
    public static readonly Speaker You = new("You", SpeakerColour.You);
    public static readonly Speaker Stranger = new("Stranger", SpeakerColour.Stranger);

    private static readonly Speaker[] LetteredNames =
    [
        new("Alice", SpeakerColour.Alice),
        new("Bob", SpeakerColour.Bob),
        new("Charlie", SpeakerColour.Charlie),
    ];

    private static readonly Speaker[] LetteredYouNames =
    [
        new("Alice (You)", SpeakerColour.Alice),
        new("Bob (You)", SpeakerColour.Bob),
        new("Charlie (You)", SpeakerColour.Charlie),
    ];

    /// <summary>Alice, Bob, Charlie by order of admission, with "(You)" for the viewer's own name.</summary>
    public static Speaker Lettered(int index, bool isViewer) => (isViewer ? LetteredYouNames : LetteredNames)[index % LetteredNames.Length];
}
