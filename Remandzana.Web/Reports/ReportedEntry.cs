using System.Text.Json.Serialization;

namespace Remandzana.Web.Reports;

/// <summary>Someone a report names: as the reporter saw them, their origin (a pass or an address), and the operator's bar.</summary>
public sealed record ReportedEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("origin")] string Origin,
    [property: JsonPropertyName("bar")] bool Bar,
    [property: JsonPropertyName("barredUntil")] DateTimeOffset? BarredUntil);
