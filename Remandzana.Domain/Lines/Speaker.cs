namespace Remandzana.Domain.Lines;

/// <summary>How one member appears to one viewer: "You", "Stranger", "Bob (You)", a nickname.</summary>
public sealed record Speaker(string Name, SpeakerColour Colour);
