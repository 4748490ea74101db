using System.Text.Json.Serialization;

namespace Remandzana.Web.Feedback;

/// <summary>
/// One feedback file, exactly as the operator edits it. <see cref="Visible"/>, <see cref="Reply"/>
/// and <see cref="Operator"/> are the operator's to change; every field must be present.
/// </summary>
public sealed record FeedbackEntry(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("datetime")] string DateTime,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("visible")] bool Visible,
    [property: JsonPropertyName("reply")] string? Reply,
    [property: JsonPropertyName("operator")] bool Operator)
{
    [JsonIgnore]
    public DateTimeOffset At => DateTimeOffset.FromUnixTimeSeconds(Timestamp);
}
