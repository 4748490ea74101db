using System.Text.Json.Serialization;

namespace Remandzana.Web.Reports;

/// <summary>
/// One report file, exactly as the operator reads and edits it. The operator bars someone by
/// setting <see cref="ReportedEntry.Bar"/> (for <c>Remandzana:Reports:BarDays</c> from the
/// report's time) or <see cref="ReportedEntry.BarredUntil"/>, and closes the report (it leaves
/// /debug) with <see cref="Closed"/>. Every field must be present. A report is closed for the
/// retention sweep once <see cref="Closed"/> is set or a bar was decided (<see cref="ReportStore.IsClosed"/>).
/// </summary>
public sealed record ReportEntry(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("datetime")] string DateTime,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("reported")] IReadOnlyList<ReportedEntry> Reported,
    [property: JsonPropertyName("lines")] IReadOnlyList<ReportLine> Lines,
    [property: JsonPropertyName("closed")] bool Closed)
{
    [JsonIgnore]
    public DateTimeOffset At => DateTimeOffset.FromUnixTimeSeconds(Timestamp);
}
