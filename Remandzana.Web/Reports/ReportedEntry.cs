using System.Text.Json.Serialization;

namespace Remandzana.Web.Reports;

/// <summary>
/// Someone a report names: as the reporter saw them, the keyed hash of their origin
/// (<see cref="OriginHashes"/>; a raw "address:…" or "pass:…" only in an older or hand-written
/// file, hashed on the next rescan), and the operator's bar: who set it from the console
/// (<see cref="BarredBy"/>; absent when set by hand or by an older version, and then not written).
/// </summary>
public sealed record ReportedEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("origin")] string Origin,
    [property: JsonPropertyName("bar")] bool Bar,
    [property: JsonPropertyName("barredUntil")] DateTimeOffset? BarredUntil,
    [property: JsonPropertyName("barredBy"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BarredBy = null);
