using Orleans;
using Remandzana.Web.Grains;
using Remandzana.Web.Reports;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>What a report is made of, gathered where the reporter's stream is and from their room.</summary>
/// <param name="Mode">The room's mode, by name.</param>
[GenerateSerializer, Immutable]
public sealed record ReportMaterial(
    [property: Id(0)] ReportOutcome Outcome,
    [property: Id(1)] string? Mode = null,
    [property: Id(2)] ReportedMessage[]? Reported = null,
    [property: Id(3)] TranscriptLineMessage[]? Lines = null);

/// <summary>Someone reported, as the reporter saw them, and their origin.</summary>
[GenerateSerializer, Immutable]
public sealed record ReportedMessage([property: Id(0)] string Name, [property: Id(1)] string Origin);

/// <summary>A line the reporter was shown, as they read it.</summary>
[GenerateSerializer, Immutable]
public sealed record TranscriptLineMessage([property: Id(0)] DateTimeOffset At, [property: Id(1)] string Text);
