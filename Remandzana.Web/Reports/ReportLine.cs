using System.Text.Json.Serialization;

namespace Remandzana.Web.Reports;

/// <summary>One line of the reporter's conversation as they read it ("Stranger: hello"), with when it reached them.</summary>
public sealed record ReportLine(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("text")] string Text);
